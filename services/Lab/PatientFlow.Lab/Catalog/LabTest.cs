namespace PatientFlow.Lab.Catalog;

public enum ResultKind
{
    Numeric,
    Text,
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
}

/// <summary>
/// One orderable test: its LOINC code, the UCUM unit its numeric result is reported in (empty for
/// text results), the reference range and critical limits (a value strictly beyond a limit is
/// flagged), the normal text of a text result, and the CPT code billed for it.
/// </summary>
public sealed record LabTest(
    string Code,
    string Name,
    ResultKind Kind,
    string Unit,
    decimal? ReferenceLow,
    decimal? ReferenceHigh,
    decimal? CriticalLow,
    decimal? CriticalHigh,
    string? NormalText,
    string BillingCode)
{
    /// <summary>Critical limits win over the reference range: a critical value must reach the clinician as one.</summary>
    public string Flag(decimal value) => value switch
    {
        _ when value < CriticalLow => LabFlag.CriticalLow,
        _ when value > CriticalHigh => LabFlag.CriticalHigh,
        _ when value < ReferenceLow => LabFlag.Low,
        _ when value > ReferenceHigh => LabFlag.High,
        _ => LabFlag.Normal,
    };

    public string Flag(string text) =>
        string.Equals(text.Trim(), NormalText, StringComparison.OrdinalIgnoreCase) ? LabFlag.Normal : LabFlag.Abnormal;
}
