namespace PatientFlow.Billing.Fees;

public enum ChargeSource
{
    Encounter,
    Lab,
}

/// <summary>
/// One billable service: <see cref="Amount"/> is <see cref="UnitPrice"/> × <see cref="Units"/> in
/// <see cref="Currency"/>. <see cref="DiagnosisPointers"/> are 1-based indexes into the visit's diagnoses;
/// <see cref="Modifiers"/> are the CPT/HCPCS modifiers (25, LT, 59…) in the order entered, at most four.
/// </summary>
public sealed record Charge(
    ChargeSource Source,
    string Code,
    int Units,
    decimal UnitPrice,
    decimal Amount,
    string Currency,
    IReadOnlyList<int> DiagnosisPointers,
    bool Unpriced,
    IReadOnlyList<string>? Modifiers = null)
{
    public IReadOnlyList<string> ModifierCodes => Modifiers ?? [];
}
