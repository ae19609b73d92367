using System.Text.RegularExpressions;

namespace PatientFlow.Lab.Catalog;

/// <summary>The tests this lab orders, keyed by LOINC code, from <c>Lab:Catalog</c>.</summary>
public sealed partial class LabCatalog
{
    private readonly Dictionary<string, LabTest> _tests;

    public LabCatalog(IEnumerable<LabTest> tests)
    {
        _tests = tests.ToDictionary(test => test.Code, StringComparer.OrdinalIgnoreCase);
        if (_tests.Count == 0)
        {
            throw new InvalidOperationException("Lab:Catalog lists no tests.");
        }
    }

    public IReadOnlyList<LabTest> Tests => [.. _tests.Values.OrderBy(test => test.Code, StringComparer.Ordinal)];

    public LabTest? Find(string code) => _tests.GetValueOrDefault(code.Trim());

    public static LabCatalog FromConfiguration(IConfigurationSection catalog) =>
        new(catalog.GetChildren().Select(Read));

    [GeneratedRegex("^[0-9]{1,7}-[0-9]$")]
    private static partial Regex Loinc();

    [GeneratedRegex("^[a-z][a-z-]{1,31}$")]
    private static partial Regex SpecimenType();

    private static LabTest Read(IConfigurationSection entry)
    {
        var where = $"Lab:Catalog:{entry.Key}";
        string Required(IConfigurationSection section, string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} is not configured.");
        decimal? Number(IConfigurationSection section, string key) => section[key] switch
        {
            null or "" => null,
            var text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new InvalidOperationException($"{section.Path}:{key} is not a decimal."),
        };
        int? Age(IConfigurationSection section, string key) => section[key] switch
        {
            null or "" => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 150 => years,
            _ => throw new InvalidOperationException($"{section.Path}:{key} is not an age in whole years."),
        };

        if (!Loinc().IsMatch(entry.Key))
        {
            throw new InvalidOperationException($"{where} is not a LOINC code like 2345-7.");
        }

        var kind = Enum.TryParse<ResultKind>(Required(entry, "Kind"), ignoreCase: true, out var parsedKind)
            ? parsedKind
            : throw new InvalidOperationException($"{where}:Kind must be 'numeric' or 'text'.");
        var specimen = Required(entry, "Specimen").ToLowerInvariant();
        if (!SpecimenType().IsMatch(specimen))
        {
            throw new InvalidOperationException($"{where}:Specimen must be a specimen type like blood, urine or swab.");
        }

        var performed = Required(entry, "Performed").ToLowerInvariant() switch
        {
            "in-house" => Performed.InHouse,
            "send-out" => Performed.SendOut,
            _ => throw new InvalidOperationException($"{where}:Performed must be 'in-house' or 'send-out'."),
        };
        var turnaround = TimeSpan.TryParse(Required(entry, "Turnaround"), CultureInfo.InvariantCulture, out var parsedTurnaround) && parsedTurnaround > TimeSpan.Zero
            ? parsedTurnaround
            : throw new InvalidOperationException($"{where}:Turnaround must be a positive time span like 00:15:00 or 2.00:00:00.");
        var billingCode = Required(entry, "BillingCode");
        if (kind == ResultKind.Text)
        {
            return new LabTest(entry.Key, Required(entry, "Name"), kind, "", specimen, performed, turnaround, [], null, null,
                Required(entry, "NormalText"), billingCode);
        }

        List<ReferenceRange> ranges = [new ReferenceRange(
            Number(entry, "ReferenceLow") ?? throw new InvalidOperationException($"{where}:ReferenceLow is not configured."),
            Number(entry, "ReferenceHigh") ?? throw new InvalidOperationException($"{where}:ReferenceHigh is not configured."))];
        foreach (var specific in entry.GetSection("ReferenceRanges").GetChildren())
        {
            PatientSex? sex = specific["Sex"] switch
            {
                null or "" => null,
                var text when Enum.TryParse<PatientSex>(text, ignoreCase: true, out var parsedSex) && parsedSex is PatientSex.Female or PatientSex.Male => parsedSex,
                _ => throw new InvalidOperationException($"{specific.Path}:Sex must be 'female' or 'male'."),
            };
            var (minAge, maxAge) = (Age(specific, "MinAge"), Age(specific, "MaxAge"));
            if (sex is null && minAge is null && maxAge is null)
            {
                throw new InvalidOperationException($"{specific.Path} names neither a sex nor an age band; the general range is ReferenceLow/ReferenceHigh.");
            }

            var range = new ReferenceRange(
                Number(specific, "Low") ?? throw new InvalidOperationException($"{specific.Path}:Low is not configured."),
                Number(specific, "High") ?? throw new InvalidOperationException($"{specific.Path}:High is not configured."),
                sex, minAge, maxAge);
            if (range.MinAgeYears >= range.MaxAgeYears)
            {
                throw new InvalidOperationException($"{specific.Path} needs MinAge < MaxAge.");
            }

            ranges.Add(range);
        }

        var test = new LabTest(entry.Key, Required(entry, "Name"), kind, Required(entry, "Unit"), specimen, performed, turnaround, ranges,
            Number(entry, "CriticalLow"), Number(entry, "CriticalHigh"), null, billingCode);
        return EnsureOrderedLimits(test, where);
    }

    // A critical limit inside a reference range would flag a normal value as critical.
    private static LabTest EnsureOrderedLimits(LabTest test, string where)
    {
        foreach (var range in test.ReferenceRanges)
        {
            if (range.Low > range.High)
            {
                throw new InvalidOperationException($"{where} has a reference range whose low is above its high ({range}).");
            }

            if (test.CriticalLow > range.Low || test.CriticalHigh < range.High)
            {
                throw new InvalidOperationException($"{where} has a critical limit inside its reference range {range}.");
            }
        }

        return test;
    }
}
