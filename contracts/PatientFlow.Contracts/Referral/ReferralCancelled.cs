namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The referral was cancelled before its loop closed.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was cancelled.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
public sealed record ReferralCancelled(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId) : IVisitEvent;
