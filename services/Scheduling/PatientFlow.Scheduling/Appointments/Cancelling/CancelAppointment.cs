using Microsoft.Extensions.Options;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Waitlist.Offering;

namespace PatientFlow.Scheduling.Appointments.Cancelling;

public sealed record CancelAppointment(string? Reason = null);

public static class CancelAppointmentDecider
{
    /// <summary>POST /appointments/{id}/cancellation: the freed slot is offered to the waitlist in the same commit.</summary>
    public static Task<Ok<AppointmentDetails>> Handle(
        Guid appointmentId, CancelAppointment command, AppointmentCommands commands, IDocumentSession session, IOptions<SchedulingOptions> options,
        CancellationToken ct) =>
        commands.DecideAsync(appointmentId, async (appointment, now) =>
        {
            var (cancelled, release) = Decide(appointment, command, now);
            var locks = await ScheduleLocks.AcquireAsync(session, [appointment.ProviderId], [appointment.PatientId], appointment.ResourceIds ?? [], ct);
            locks.Append(release);
            await WaitlistOffers.OfferFreedSlotAsync(session, locks, appointment, options.Value.WaitlistOfferWindow, now, ct);
            return [cancelled];
        });

    /// <summary>Only a booked appointment can be cancelled, with a reason; its slot, room, equipment and the patient's time are released.</summary>
    public static (AppointmentCancelled Cancelled, Release Release) Decide(Appointment appointment, CancelAppointment command, DateTimeOffset now)
    {
        appointment.EnsureStatus(AppointmentStatus.Booked, "cancel");
        var reason = TextField.Required("reason", command.Reason, 200);
        return (new AppointmentCancelled(appointment.Id, appointment.PatientId, appointment.ProviderId, reason, now), appointment.Releases(now));
    }
}
