namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The referred appointment did not happen (no-show or cancelled): the referral needs scheduling again by a new deadline.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was reopened.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="Reason"><c>no-show</c> or <c>appointment-cancelled</c>.</param>
/// <param name="AppointmentId">The missed in-network appointment, if any.</param>
/// <param name="ScheduleBy">The new scheduling deadline.</param>
public sealed record ReferralReopened(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    string Reason,
    Guid? AppointmentId,
    DateTimeOffset ScheduleBy) : IVisitEvent;
