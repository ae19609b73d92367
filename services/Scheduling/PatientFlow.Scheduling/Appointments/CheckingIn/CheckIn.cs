using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.Scheduling.Appointments.CheckingIn;

/// <summary>The patient arrived; <see cref="ArrivedAt"/> back-dates an arrival entered late.</summary>
public sealed record CheckIn(DateTimeOffset? ArrivedAt = null);

public static class CheckInDecider
{
    public static PatientCheckedIn Decide(Appointment appointment, CheckIn command, DateTimeOffset now)
    {
        appointment.EnsureStatus(AppointmentStatus.Booked, "check in");
        var arrivedAt = ClinicTime.Resolve("arrivedAt", command.ArrivedAt, now);
        return new PatientCheckedIn(appointment.Id, appointment.PatientId, appointment.ProviderId, appointment.Clinic, arrivedAt);
    }
}
