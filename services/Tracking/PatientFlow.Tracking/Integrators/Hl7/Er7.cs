using System.Globalization;
using System.Text;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// ER7, the pipe encoding, with the delimiters every message declares in MSH-1 and MSH-2: <c>| ^ ~ \ &amp;</c>.
/// Values are escaped once, where they enter a segment; the join helpers take escaped parts.
/// </summary>
internal static class Er7
{
    public const char FieldSeparator = '|';
    public const char ComponentSeparator = '^';
    public const char RepetitionSeparator = '~';
    public const char EscapeCharacter = '\\';
    public const char SubcomponentSeparator = '&';
    public const string EncodingCharacters = "^~\\&";
    public const char SegmentTerminator = '\r';

    /// <summary>Free text as a value: delimiters become <c>\F\ \S\ \R\ \E\ \T\</c>; control characters hex escapes.</summary>
    /// <remarks>
    /// A raw CR would end the segment and a raw LF breaks many receivers; <c>\X0D\</c> and <c>\X0A\</c> keep the
    /// line breaks of a staff note without either (MSH-18 declares UTF-8, so the hex is the byte).
    /// </remarks>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            switch (character)
            {
                case FieldSeparator: escaped.Append(@"\F\"); break;
                case ComponentSeparator: escaped.Append(@"\S\"); break;
                case RepetitionSeparator: escaped.Append(@"\R\"); break;
                case EscapeCharacter: escaped.Append(@"\E\"); break;
                case SubcomponentSeparator: escaped.Append(@"\T\"); break;
                case < ' ' or '\x7F': escaped.Append(CultureInfo.InvariantCulture, $@"\X{(int)character:X2}\"); break;
                default: escaped.Append(character); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Escaped components of one value, without trailing empty ones: <c>a^b</c>, never <c>a^b^^</c>.</summary>
    public static string Components(params string?[] escaped) => JoinTrimmed(ComponentSeparator, escaped);

    /// <summary>Escaped subcomponents of one component.</summary>
    public static string Subcomponents(params string?[] escaped) => JoinTrimmed(SubcomponentSeparator, escaped);

    /// <summary>
    /// A segment from escaped fields numbered as the standard numbers them, so <c>(19, visit)</c> is PV1-19.
    /// For MSH the separator is MSH-1 and the encoding characters MSH-2; its first numbered field is 3.
    /// </summary>
    public static string Segment(string id, params (int Number, string? Value)[] fields)
    {
        var first = id == "MSH" ? 3 : 1;
        var last = fields.Where(field => !string.IsNullOrEmpty(field.Value)).Select(field => field.Number).DefaultIfEmpty(first - 1).Max();
        var values = new string?[Math.Max(0, last - first + 1)];
        foreach (var (number, value) in fields)
        {
            if (number < first)
            {
                throw new ArgumentOutOfRangeException(nameof(fields), $"{id}-{number} is not a field a segment builder sets");
            }

            if (number <= last)
            {
                values[number - first] = value;
            }
        }

        var head = id == "MSH" ? $"MSH{FieldSeparator}{EncodingCharacters}" : id;
        return values.Length == 0 ? head : head + FieldSeparator + string.Join(FieldSeparator, values.Select(value => value ?? ""));
    }

    private static string JoinTrimmed(char separator, string?[] parts)
    {
        var count = parts.Length;
        while (count > 0 && string.IsNullOrEmpty(parts[count - 1]))
        {
            count--;
        }

        return string.Join(separator, parts.Take(count).Select(part => part ?? ""));
    }
}
