namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The visit moved to another slot (possibly another provider); the visit id is unchanged.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the move was made.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider the patient will now see.</param>
/// <param name="SlotId">The new slot.</param>
/// <param name="Clinic">The clinic of the new slot.</param>
/// <param name="StartsAt">New scheduled start.</param>
/// <param name="EndsAt">New scheduled end.</param>
/// <param name="PreviousStartsAt">The start it had before the move.</param>
/// <param name="Room">Code of the new slot's room, if any.</param>
public sealed record AppointmentRescheduled(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId,
    Guid SlotId,
    string Clinic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset PreviousStartsAt,
    string? Room) : IVisitEvent;
