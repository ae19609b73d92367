namespace PatientFlow.Contracts.Referral.V1;

/// <summary>A referral missed a deadline: not scheduled by its urgency's deadline, or no report within the report window after the appointment. Raised once per deadline.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the lateness was detected.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Stage"><c>scheduling</c> or <c>report</c>.</param>
/// <param name="Deadline">The deadline that passed.</param>
public sealed record ReferralOverdue(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string Stage,
    DateTimeOffset Deadline) : IVisitEvent;
