using Microsoft.AspNetCore.Mvc;
using PatientFlow.Platform.Time;
using PatientFlow.Scheduling.Appointments.Booking;

namespace PatientFlow.Scheduling.Appointments.CheckingOut;

/// <summary>The patient left; <see cref="DepartedAt"/> back-dates a departure entered late; <see cref="FollowUp"/> books the next visit in the same commit.</summary>
public sealed record CheckOut(DateTimeOffset? DepartedAt = null, FollowUpBooking? FollowUp = null);

/// <summary>The follow-up visit: a slot of <see cref="ProviderId"/> (default: the same provider).</summary>
public sealed record FollowUpBooking(Guid SlotId, string VisitType, Guid? ProviderId = null);

public static class CheckOutDecider
{
    /// <summary>
    /// POST /appointments/{id}/check-out: checks the patient out and, with <c>followUp</c>, books the next visit in the same commit
    /// (a refused booking leaves the patient checked in).
    /// </summary>
    public static Task<Ok<AppointmentDetails>> Handle(
        Guid appointmentId, [FromBody] CheckOut? command, AppointmentCommands commands, IDocumentSession session, ILogger<Appointment> logger, CancellationToken ct)
    {
        command ??= new CheckOut();
        return commands.DecideAsync(appointmentId, async (appointment, now) =>
        {
            Guid? followUpId = null;
            Decide(appointment, command, now);
            if (command.FollowUp is { } followUp)
            {
                followUpId = Guid.CreateVersion7();
                var book = new BookAppointment(appointment.PatientId, followUp.ProviderId ?? appointment.ProviderId, followUp.SlotId, followUp.VisitType);
                var plan = await Bookings.PlanAsync(session, book.ProviderId, book.SlotId, book.VisitType, ct);
                var locks = await Bookings.LockAsync(session, plan, book.PatientId, null, ct);
                var (placement, booked) = BookAppointmentDecider.Decide(Bookings.Target(locks, plan, book.PatientId), book, followUpId.Value, now, BookingChannels.FollowUp);
                locks.Append(placement);
                session.Events.StartStream<Appointment>(followUpId.Value, booked);
                logger.LogInformation("Follow-up {FollowUpId} booked at check-out of {AppointmentId}", followUpId, appointmentId);
            }

            return [Decide(appointment, command, now, followUpId)];
        });
    }

    public static PatientCheckedOut Decide(Appointment appointment, CheckOut command, DateTimeOffset now, Guid? followUpAppointmentId = null)
    {
        appointment.EnsureStatus(AppointmentStatus.CheckedIn, "check out");
        var departedAt = ClinicTime.Resolve("departedAt", command.DepartedAt, now);
        if (departedAt < appointment.ArrivedAt)
        {
            throw new InvalidFieldException("departedAt", "must not be before the arrival");
        }

        return new PatientCheckedOut(appointment.Id, appointment.PatientId, departedAt, followUpAppointmentId);
    }
}
