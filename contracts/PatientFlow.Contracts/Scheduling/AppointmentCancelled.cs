namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The booked visit was cancelled; its slot is free again (and may be offered to the waitlist).</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was cancelled.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider it was booked with.</param>
/// <param name="Reason">Why, as entered by staff (free text, no clinical content).</param>
public sealed record AppointmentCancelled(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId,
    string Reason) : IVisitEvent;
