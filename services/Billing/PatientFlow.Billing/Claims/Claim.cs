using JasperFx;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Claims;

// A claim is its own stream (its own id), drafted once from the visit's billing account.

/// <summary>
/// A professional claim drafted for a visit. Lines are numbered from 1; their diagnosis pointers are
/// 1-based indexes into <see cref="Diagnoses"/>.
/// </summary>
public sealed record ClaimCreated(
    Guid ClaimId,
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    string? Clinic,
    DateOnly DateOfService,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ClaimLine> Lines,
    decimal TotalCharge,
    string Currency,
    DateTimeOffset CreatedAt);

public sealed record ClaimLine(
    int LineNumber,
    string Code,
    int Units,
    decimal UnitPrice,
    decimal Amount,
    IReadOnlyList<int> DiagnosisPointers,
    ChargeSource Source,
    bool Unpriced);

public enum ClaimStatus
{
    Draft,
}

/// <summary>The claim as billing staff see it, written with its events.</summary>
public sealed record ClaimDetails(
    [property: Identity] Guid ClaimId,
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    string? Clinic,
    DateOnly DateOfService,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ClaimLine> Lines,
    decimal TotalCharge,
    string Currency,
    ClaimStatus Status,
    DateTimeOffset CreatedAt)
{
    public static ClaimDetails Create(ClaimCreated created) => new(
        created.ClaimId, created.VisitId, created.PatientId, created.ProviderId, created.Clinic, created.DateOfService,
        created.Diagnoses, created.Lines, created.TotalCharge, created.Currency, ClaimStatus.Draft, created.CreatedAt);
}
