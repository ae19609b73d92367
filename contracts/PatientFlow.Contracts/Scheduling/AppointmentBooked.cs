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
/// <param name="VisitType">The appointment type's code, for example <c>new-patient</c> or <c>follow-up</c>.</param>
/// <param name="BookedVia">How it was booked: <c>front-desk</c>, <c>referral</c>, <c>walk-in</c>, <c>waitlist</c> or <c>follow-up</c>. A walk-in has no slot (<see cref="SlotId"/> is empty).</param>
/// <param name="Room">Code of the room the slot is in, when the provider's template names one.</param>
/// <param name="Overbooked">True when the slot already had a booking and the template allows overbooking it.</param>
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
    string VisitType,
    string? BookedVia = null,
    string? Room = null,
    bool Overbooked = false) : IVisitEvent;
