namespace PatientFlow.Contracts.Referral.V1;

/// <summary>A referral was created from a visit.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the referral was made.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Kind"><c>specialist</c>, <c>imaging</c> or <c>admission</c>.</param>
/// <param name="Specialty">Target specialty or modality, for example <c>cardiology</c>.</param>
/// <param name="Urgency"><c>routine</c>, <c>urgent</c> or <c>emergent</c>.</param>
/// <param name="ScheduleBy">The deadline for scheduling, from the urgency.</param>
/// <param name="AdmittingFacility">The hospital, for admission referrals.</param>
public sealed record ReferralCreated(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string Kind,
    string Specialty,
    string Urgency,
    DateTimeOffset? ScheduleBy = null,
    string? AdmittingFacility = null) : IVisitEvent;
