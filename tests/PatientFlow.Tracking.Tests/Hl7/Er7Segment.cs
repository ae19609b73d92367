using Er7Field = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<string>>>;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// One parsed segment. Fields are numbered as the standard numbers them (MSH-1 is the field separator); each is
/// repetitions of components of subcomponents, already unescaped.
/// </summary>
public sealed class Er7Segment(string id, IReadOnlyList<Er7Field> fields)
{
    public string Id { get; } = id;

    /// <summary>The highest field number present.</summary>
    public int FieldCount => fields.Count - 1;

    /// <summary>The first repetition's first component's first subcomponent; empty when absent.</summary>
    public string this[int field] => Value(field);

    public string Value(int field, int component = 1, int subcomponent = 1, int repetition = 1)
    {
        if (field >= fields.Count || repetition > fields[field].Count)
        {
            return "";
        }

        var components = fields[field][repetition - 1];
        if (component > components.Count)
        {
            return "";
        }

        var subcomponents = components[component - 1];
        return subcomponent <= subcomponents.Count ? subcomponents[subcomponent - 1] : "";
    }

    public bool IsEmpty(int field) => field >= fields.Count || fields[field].All(repetition => repetition.All(c => c.All(string.IsNullOrEmpty)));

    /// <summary>A DTM component, parsed strictly.</summary>
    public DateTimeOffset Time(int field, int component = 1) => Dtm.Parse(Value(field, component));

    public override string ToString() => $"{Id} ({FieldCount} fields)";
}
