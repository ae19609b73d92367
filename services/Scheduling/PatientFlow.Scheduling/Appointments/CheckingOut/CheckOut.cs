using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments.CheckingOut;

/// <summary>The patient left; <see cref="DepartedAt"/> back-dates a departure entered late; <see cref="FollowUp"/> books the next visit in the same commit.</summary>
public sealed record CheckOut(DateTimeOffset? DepartedAt = null, FollowUpBooking? FollowUp = null);

/// <summary>The follow-up visit: a slot of <see cref="ProviderId"/> (default: the same provider).</summary>
public sealed record FollowUpBooking(Guid SlotId, string VisitType, Guid? ProviderId = null);

public static class CheckOutDecider
{
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
