namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The payer approved the prior authorization.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the approval was recorded.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="AuthorizationNumber">The payer's authorization number.</param>
/// <param name="ValidFrom">First day it covers.</param>
/// <param name="ValidTo">Last day it covers.</param>
/// <param name="VisitsAllowed">Visits it covers.</param>
public sealed record AuthorizationApproved(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string AuthorizationNumber,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    int VisitsAllowed) : IVisitEvent;
