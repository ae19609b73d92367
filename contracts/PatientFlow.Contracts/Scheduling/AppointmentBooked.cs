namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>A patient was booked into a provider's slot. The appointment id is the visit id.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The new visit's id (the appointment id).</param>
/// <param name="PatientId">The booked patient.</param>
/// <param name="OccurredAt">When the booking was made.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider the patient will see.</param>
/// <param name="SlotId">The provider's slot that was taken.</param>
/// <param name="Clinic">The clinic where the visit takes place.</param>
/// <param name="StartsAt">Scheduled start.</param>
/// <param name="EndsAt">Scheduled end.</param>
/// <param name="VisitType">Kind of visit, for example <c>new-patient</c> or <c>follow-up</c>.</param>
public sealed record AppointmentBooked(
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
    string VisitType) : IVisitEvent;
