using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Appointments.Cancelling;

public sealed record CancelAppointment(string? Reason = null);

public static class CancelAppointmentDecider
{
    /// <summary>Only a booked appointment can be cancelled, with a reason; its slot, room, equipment and the patient's time are released.</summary>
    public static (AppointmentCancelled Cancelled, Release Release) Decide(Appointment appointment, CancelAppointment command, DateTimeOffset now)
    {
        appointment.EnsureStatus(AppointmentStatus.Booked, "cancel");
        var reason = Text.Required("reason", command.Reason, 200);
        return (new AppointmentCancelled(appointment.Id, appointment.PatientId, appointment.ProviderId, reason, now), appointment.Releases(now));
    }
}
