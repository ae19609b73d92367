namespace PatientFlow.Lab.Catalog;

public enum ResultKind
{
    Numeric,
    Text,
}

/// <summary>Where a test is run: on site by clinic staff, or by an external lab the specimen is sent to.</summary>
public enum Performed
{
    InHouse,
    SendOut,
}

/// <summary>The sex a reference range applies to; <c>null</c> on a range means either.</summary>
public enum PatientSex
{
    Female,
    Male,
    Other,
    Unknown,
}

/// <summary>Interpretation flags as HL7 v2 OBX-8 writes them.</summary>
public static class LabFlag
{
    public const string Normal = "N";
    public const string Low = "L";
    public const string High = "H";
    public const string CriticalLow = "LL";
    public const string CriticalHigh = "HH";
    public const string Abnormal = "A";

    public static bool IsCritical(string flag) => flag is CriticalLow or CriticalHigh;
}

/// <summary>
/// A reference interval for the patients it names: a sex (null: any) and an age band in whole years,
/// <c>MinAgeYears</c> inclusive to <c>MaxAgeYears</c> exclusive (null: open).
/// </summary>
public sealed record ReferenceRange(decimal Low, decimal High, PatientSex? Sex = null, int? MinAgeYears = null, int? MaxAgeYears = null)
{
    public bool AppliesTo(PatientSex? sex, int? ageYears) =>
        (Sex is null || Sex == sex)
        && (MinAgeYears is null || (ageYears is { } a1 && a1 >= MinAgeYears))
        && (MaxAgeYears is null || (ageYears is { } a2 && a2 < MaxAgeYears));

    /// <summary>A range naming the sex and the age band is more specific than one naming either, and that than the general one.</summary>
    public int Specificity => (Sex is null ? 0 : 2) + (MinAgeYears is null && MaxAgeYears is null ? 0 : 1);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Low}-{High}");
}

/// <summary>
/// One orderable test: its LOINC code, the specimen it needs, whether it is run in house or sent out and
/// how long it is expected to take, the UCUM unit of a numeric result (empty for text results), its
/// reference ranges (the general one always, more specific ones by sex and age band where they differ),
/// critical limits (a value strictly beyond one is critical), the normal text of a text result, and the
/// price code billing charges it under.
/// </summary>
public sealed record LabTest(
    string Code,
    string Name,
    ResultKind Kind,
    string Unit,
    string Specimen,
    Performed Performed,
    TimeSpan Turnaround,
    IReadOnlyList<ReferenceRange> ReferenceRanges,
    decimal? CriticalLow,
    decimal? CriticalHigh,
    string? NormalText,
    string BillingCode)
{
    /// <summary>Whether choosing the range needs the patient's sex or age.</summary>
    public bool RangeDependsOnPatient => ReferenceRanges.Any(range => range.Specificity > 0);

    /// <summary>The most specific range that applies to the patient; the general range when sex or age is not known.</summary>
    public ReferenceRange? RangeFor(PatientSex? sex, int? ageYears) => ReferenceRanges
        .Where(range => range.AppliesTo(sex, ageYears))
        .OrderByDescending(range => range.Specificity)
        .FirstOrDefault();

    public bool Equals(LabTest? other) =>
        other is not null && Code == other.Code && Name == other.Name && Kind == other.Kind && Unit == other.Unit
        && Specimen == other.Specimen && Performed == other.Performed && Turnaround == other.Turnaround
        && ReferenceRanges.SequenceEqual(other.ReferenceRanges) && CriticalLow == other.CriticalLow
        && CriticalHigh == other.CriticalHigh && NormalText == other.NormalText && BillingCode == other.BillingCode;

    public override int GetHashCode() => HashCode.Combine(Code, Name, Kind, Specimen, BillingCode);

    /// <summary>Critical limits win over the reference range: a critical value must reach the clinician as one.</summary>
    public string Flag(decimal value, ReferenceRange? range) => value switch
    {
        _ when value < CriticalLow => LabFlag.CriticalLow,
        _ when value > CriticalHigh => LabFlag.CriticalHigh,
        _ when value < range?.Low => LabFlag.Low,
        _ when value > range?.High => LabFlag.High,
        _ => LabFlag.Normal,
    };

    public string Flag(string text) =>
        string.Equals(text.Trim(), NormalText, StringComparison.OrdinalIgnoreCase) ? LabFlag.Normal : LabFlag.Abnormal;
}
