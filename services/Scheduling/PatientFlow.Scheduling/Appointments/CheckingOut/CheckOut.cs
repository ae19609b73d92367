using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.Scheduling.Appointments.CheckingOut;

/// <summary>The patient left; <see cref="DepartedAt"/> back-dates a departure entered late.</summary>
public sealed record CheckOut(DateTimeOffset? DepartedAt = null);

public static class CheckOutDecider
{
    public static PatientCheckedOut Decide(Appointment appointment, CheckOut command, DateTimeOffset now)
    {
        appointment.EnsureStatus(AppointmentStatus.CheckedIn, "check out");
        var departedAt = ClinicTime.Resolve("departedAt", command.DepartedAt, now);
        if (departedAt < appointment.ArrivedAt)
        {
            throw new InvalidFieldException("departedAt", "must not be before the arrival");
        }

        return new PatientCheckedOut(appointment.Id, appointment.PatientId, departedAt);
    }
}
