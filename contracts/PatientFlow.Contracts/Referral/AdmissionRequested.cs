namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The patient is referred for hospital admission: the admitting facility is asked to admit them.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the admission was requested.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="AdmittingFacility">The hospital asked to admit.</param>
/// <param name="Urgency"><c>routine</c>, <c>urgent</c> or <c>emergent</c>.</param>
public sealed record AdmissionRequested(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string AdmittingFacility,
    string Urgency) : IVisitEvent;
