using System.Globalization;

namespace PatientFlow.Lab.Catalog;

/// <summary>The tests this lab performs, keyed by LOINC code, from <c>Lab:Catalog</c>.</summary>
public sealed class LabCatalog
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

    private static LabTest Read(IConfigurationSection entry)
    {
        var where = $"Lab:Catalog:{entry.Key}";
        string Required(string key) => entry[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{where}:{key} is not configured.");
        decimal? Number(string key) => entry[key] switch
        {
            null or "" => null,
            var text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new InvalidOperationException($"{where}:{key} is not a decimal."),
        };

        var kind = Enum.TryParse<ResultKind>(Required("Kind"), ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{where}:Kind must be 'numeric' or 'text'.");
        var test = kind == ResultKind.Numeric
            ? new LabTest(entry.Key, Required("Name"), kind, Required("Unit"), Number("ReferenceLow"), Number("ReferenceHigh"),
                Number("CriticalLow"), Number("CriticalHigh"), null, Required("BillingCode"))
            : new LabTest(entry.Key, Required("Name"), kind, "", null, null, null, null, Required("NormalText"), Required("BillingCode"));
        return kind == ResultKind.Numeric ? EnsureOrderedLimits(test, where) : test;
    }

    // A critical limit inside the reference range would flag a normal value as critical.
    private static LabTest EnsureOrderedLimits(LabTest test, string where)
    {
        if (test.ReferenceLow is null || test.ReferenceHigh is null || test.ReferenceLow > test.ReferenceHigh)
        {
            throw new InvalidOperationException($"{where} needs ReferenceLow <= ReferenceHigh.");
        }

        if (test.CriticalLow > test.ReferenceLow || test.CriticalHigh < test.ReferenceHigh)
        {
            throw new InvalidOperationException($"{where} has a critical limit inside its reference range.");
        }

        return test;
    }
}
