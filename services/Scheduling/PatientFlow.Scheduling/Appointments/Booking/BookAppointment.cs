using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;

namespace PatientFlow.Scheduling.Appointments.Booking;

/// <param name="VisitType">The appointment type's code: its duration and required equipment apply.</param>
public sealed record BookAppointment(Guid PatientId, Guid ProviderId, Guid SlotId, string VisitType);

/// <summary>Everything a booking is checked against, each locked for the booking's transaction.</summary>
public sealed record BookingTarget(
    Provider Provider, PatientSchedule Patient, AppointmentTypeDetails Type, Resource? Room, IReadOnlyList<Resource> EquipmentCandidates);

/// <summary>Where and when the appointment lands, and the events that hold it on every stream involved.</summary>
public sealed record Placement(
    Guid SlotId,
    IReadOnlyList<Guid> SlotIds,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid? RoomId,
    string? Room,
    IReadOnlyList<Guid> EquipmentIds,
    bool Overbooked,
    IReadOnlyList<SlotBooked> SlotEvents,
    PatientAppointmentHeld Hold,
    IReadOnlyList<ResourceReserved> Reservations);

public static class BookAppointmentDecider
{
    /// <summary>
    /// POST /appointments: books a slot for a patient. Provider, patient, room and equipment are locked together and checked in one
    /// transaction: a 409 names what is in the way (<c>conflict</c>: provider, patient, room, equipment or waitlist-offer).
    /// </summary>
    public static async Task<Created<AppointmentDetails>> Handle(
        BookAppointment command, AppointmentCommands commands, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        // The provider's clinic is the appointment's: the desk books in its own clinics (referrals book elsewhere over gRPC).
        await ProviderDetails.LoadInScopeAsync(session, scope, command.ProviderId, ct);
        var appointmentId = Guid.CreateVersion7();
        return await commands.StartLockingAsync(appointmentId, $"/api/scheduling/appointments/{appointmentId}",
            (attempt, _, now) => Bookings.DecideAsync(attempt, command, appointmentId, BookingChannels.FrontDesk, now, ct));
    }

    public static (Placement Placement, AppointmentBooked Booked) Decide(
        BookingTarget target, BookAppointment command, Guid appointmentId, DateTimeOffset now, string via = BookingChannels.FrontDesk, Guid? acceptingOffer = null)
    {
        var placement = Place(target, command.SlotId, appointmentId, now, acceptingOffer);
        var provider = target.Provider;
        return (placement, new AppointmentBooked(
            appointmentId, target.Patient.Id, provider.Id, placement.SlotId, provider.Clinic, placement.StartsAt, placement.EndsAt,
            target.Type.Code, now, via, placement.SlotIds, placement.RoomId, placement.Room, placement.EquipmentIds, placement.Overbooked));
    }

    /// <summary>
    /// The rules of a booking, in the order a clerk would want to hear them: the slot exists and has not
    /// started; the appointment type's duration fits consecutive slots; no slot is held for a waitlisted
    /// patient; each slot has a place left (more than one only where the template allows overbooking);
    /// the patient holds nothing else at that time; the slot's room and one item of each required
    /// equipment category are free.
    /// </summary>
    public static Placement Place(BookingTarget target, Guid slotId, Guid appointmentId, DateTimeOffset now, Guid? acceptingOffer = null)
    {
        var provider = target.Provider;
        var first = provider.SlotOrThrow(slotId);
        if (first.StartsAt <= now)
        {
            throw new ConflictException($"slot {slotId} started at {first.StartsAt:O}; book a later one", "provider", provider.Id);
        }

        var slots = provider.SlotsCovering(first, target.Type.Duration);
        var startsAt = first.StartsAt;
        var endsAt = startsAt + target.Type.Duration;
        var overbooked = false;
        foreach (var slot in slots)
        {
            if (provider.Offers.TryGetValue(slot.SlotId, out var offer) && offer.Until > now && offer.WaitlistEntryId != acceptingOffer)
            {
                throw new ConflictException(
                    $"slot {slot.SlotId} is offered to a waitlisted patient until {offer.Until:O}", "waitlist-offer", offer.WaitlistEntryId);
            }

            var taken = provider.BookingsOf(slot.SlotId).Count;
            if (taken >= slot.Places)
            {
                throw new ConflictException(
                    $"provider {provider.Id} is fully booked in slot {slot.SlotId} at {slot.StartsAt:O}", "provider", provider.Id);
            }

            overbooked |= taken > 0;
        }

        target.Patient.EnsureFree(startsAt, endsAt, appointmentId);
        var reservations = new List<ResourceReserved>();
        if (target.Room is { } room && !overbooked)
        {
            if (room.ClashWith(startsAt, endsAt, appointmentId) is { } clash)
            {
                throw new ConflictException(
                    $"room {room.Code} is reserved for appointment {clash.AppointmentId} from {clash.StartsAt:O} to {clash.EndsAt:O}", "room", room.Id);
            }

            reservations.Add(new ResourceReserved(room.Id, appointmentId, startsAt, endsAt));
        }

        var equipment = new List<Guid>();
        foreach (var category in target.Type.RequiredEquipment)
        {
            var free = target.EquipmentCandidates
                .Where(e => e.Category == category && !equipment.Contains(e.Id))
                .OrderBy(e => e.Code, StringComparer.Ordinal)
                .FirstOrDefault(e => e.ClashWith(startsAt, endsAt, appointmentId) is null)
                ?? throw new ConflictException(
                    $"no {category} equipment of clinic {provider.Clinic} is free from {startsAt:O} to {endsAt:O}", "equipment", null);
            equipment.Add(free.Id);
            reservations.Add(new ResourceReserved(free.Id, appointmentId, startsAt, endsAt));
        }

        return new Placement(
            first.SlotId, [.. slots.Select(s => s.SlotId)], startsAt, endsAt, first.RoomId, target.Room?.Code, equipment, overbooked,
            [.. slots.Select(s => new SlotBooked(provider.Id, s.SlotId, appointmentId, now))],
            new PatientAppointmentHeld(target.Patient.Id, appointmentId, provider.Id, startsAt, endsAt),
            reservations);
    }
}
