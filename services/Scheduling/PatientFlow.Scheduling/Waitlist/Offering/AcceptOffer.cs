using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Waitlist.Offering;

public static class AcceptOfferDecider
{
    /// <summary>
    /// POST /waitlist/{id}/acceptance: the patient takes the offered slot, booked like any booking (its hold lets only this entry in);
    /// the appointment, the holds and the entry's acceptance are one commit.
    /// </summary>
    public static Task<Created<AppointmentDetails>> Handle(Guid entryId, AppointmentCommands commands, CancellationToken ct)
    {
        var appointmentId = Guid.CreateVersion7();
        return commands.StartLockingAsync(appointmentId, $"/api/scheduling/appointments/{appointmentId}", async (session, _, now) =>
        {
            var entry = await session.Events.FetchForWriting<WaitlistEntryDetails>(entryId, ct);
            var waiting = entry.Aggregate ?? throw WaitlistEntryDetails.NotFound(entryId);
            var offer = waiting.LiveOffer(now);
            var command = new BookAppointment(waiting.PatientId, offer.ProviderId, offer.SlotId, waiting.VisitType);
            var plan = await Bookings.PlanAsync(session, offer.ProviderId, offer.SlotId, command.VisitType, ct);
            var locks = await Bookings.LockAsync(session, plan, command.PatientId, null, ct);
            var (placement, booked) = BookAppointmentDecider.Decide(
                Bookings.Target(locks, plan, command.PatientId), command, appointmentId, now, BookingChannels.Waitlist, acceptingOffer: entryId);
            locks.Append(offer.ProviderId, new SlotOfferEnded(offer.ProviderId, offer.SlotId, entryId, now), (p, e) => p.Apply(e));
            locks.Append(placement);
            entry.AppendOne(new WaitlistOfferAccepted(entryId, command.PatientId, offer.SlotId, appointmentId, now));
            return [booked];
        });
    }
}
