namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The patient left the clinic through check-out.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">Check-out time at the clinic.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="FollowUpVisitId">The follow-up visit booked at check-out, if any (its own <see cref="AppointmentBooked"/> follows).</param>
public sealed record PatientCheckedOut(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid? FollowUpVisitId = null) : IVisitEvent;
