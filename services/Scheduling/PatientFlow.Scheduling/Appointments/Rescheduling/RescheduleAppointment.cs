using Microsoft.Extensions.Options;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Waitlist.Offering;

namespace PatientFlow.Scheduling.Appointments.Rescheduling;

/// <summary>Move to <see cref="SlotId"/> of <see cref="ProviderId"/> (default: the same provider), keeping the visit id.</summary>
public sealed record RescheduleAppointment(Guid SlotId, Guid? ProviderId = null, string? VisitType = null, string? Reason = null);

public static class RescheduleAppointmentDecider
{
    /// <summary>POST /appointments/{id}/reschedule: moves a booked appointment to another slot; the freed slot is offered to the waitlist in the same commit.</summary>
    public static Task<Ok<AppointmentDetails>> Handle(
        Guid appointmentId, RescheduleAppointment command, AppointmentCommands commands, IDocumentSession session, IOptions<SchedulingOptions> options,
        ClinicScope scope, CancellationToken ct) =>
        commands.DecideAsync(appointmentId, async (appointment, now) =>
        {
            EnsureMovable(appointment, command);
            if (command.ProviderId is { } providerId)
            {
                await ProviderDetails.LoadInScopeAsync(session, scope, providerId, ct);
            }

            var plan = await Bookings.PlanAsync(session, command.ProviderId ?? appointment.ProviderId, command.SlotId, command.VisitType ?? appointment.VisitType, ct);
            var locks = await Bookings.LockAsync(session, plan, appointment.PatientId, appointment, ct);
            locks.Append(appointment.Releases(now));
            var placement = BookAppointmentDecider.Place(Bookings.Target(locks, plan, appointment.PatientId), command.SlotId, appointment.Id, now);
            locks.Append(placement);
            await WaitlistOffers.OfferFreedSlotAsync(session, locks, appointment, options.Value.WaitlistOfferWindow, now, ct);
            return [Decide(appointment, placement, locks.Provider(plan.ProviderId).Clinic, command, now)];
        });

    /// <summary>The appointment must still be booked and move to another slot; the new place is checked like a booking.</summary>
    public static void EnsureMovable(Appointment appointment, RescheduleAppointment command)
    {
        appointment.EnsureStatus(AppointmentStatus.Booked, "reschedule");
        if ((appointment.SlotIds ?? []).Contains(command.SlotId) && (command.ProviderId ?? appointment.ProviderId) == appointment.ProviderId)
        {
            throw new InvalidFieldException("slotId", "is the appointment's own slot");
        }
    }

    public static AppointmentRescheduled Decide(Appointment appointment, Placement placement, string clinic, RescheduleAppointment command, DateTimeOffset now) => new(
        appointment.Id, appointment.PatientId, placement.SlotEvents[0].ProviderId, clinic, placement.SlotId, placement.SlotIds,
        placement.StartsAt, placement.EndsAt, placement.RoomId, placement.Room, placement.EquipmentIds, placement.Overbooked,
        appointment.StartsAt, TextField.Optional("reason", command.Reason, 200), now);
}
