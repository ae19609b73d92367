namespace PatientFlow.Contracts.Referral.V1;

/// <summary>Prior authorization was requested from the payer.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was requested.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Payer">The payer asked.</param>
public sealed record AuthorizationRequested(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string Payer) : IVisitEvent;
