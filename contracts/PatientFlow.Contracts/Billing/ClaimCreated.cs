namespace PatientFlow.Contracts.Billing.V1;

/// <summary>An insurance claim was assembled for a visit.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit billed.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the claim was created.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="LineCount">Number of service lines.</param>
/// <param name="TotalCharge">Sum of the line charges.</param>
/// <param name="Currency">ISO 4217 currency of <paramref name="TotalCharge"/>.</param>
public sealed record ClaimCreated(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ClaimId,
    int LineCount,
    decimal TotalCharge,
    string Currency) : IVisitEvent;
