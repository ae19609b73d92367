namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The payer denied the prior authorization; the referral cannot be booked until an appeal succeeds.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the denial was recorded.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
public sealed record AuthorizationDenied(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId) : IVisitEvent;
