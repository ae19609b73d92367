using PatientFlow.Platform.Time;

namespace PatientFlow.Scheduling.Appointments.CorrectingArrival;

/// <summary>The arrival time on record was wrong: <see cref="ArrivedAt"/> is when the patient really arrived.</summary>
public sealed record CorrectArrivalTime(DateTimeOffset ArrivedAt, string Reason);

public static class CorrectArrivalTimeDecider
{
    /// <summary>POST /appointments/{id}/arrival-correction</summary>
    public static Task<Ok<AppointmentDetails>> Handle(Guid appointmentId, CorrectArrivalTime command, AppointmentCommands commands) =>
        commands.DecideAsync(appointmentId, (appointment, now) => [Decide(appointment, command, now)]);

    public const int ReasonMaxLength = 200;

    public static ArrivalTimeCorrected Decide(Appointment appointment, CorrectArrivalTime command, DateTimeOffset now)
    {
        if (appointment.Status == AppointmentStatus.Booked || appointment.ArrivedAt is not { } previous)
        {
            throw new ConflictException($"appointment {appointment.Id} is booked; only a recorded arrival can be corrected");
        }

        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > ReasonMaxLength)
        {
            throw new InvalidFieldException("reason", $"must say why, in 1 to {ReasonMaxLength} characters");
        }

        var arrivedAt = ClinicTime.Resolve("arrivedAt", command.ArrivedAt, now);
        if (appointment.DepartedAt is { } departed && arrivedAt > departed)
        {
            throw new InvalidFieldException("arrivedAt", "must not be after the patient's check-out");
        }

        if (arrivedAt == previous)
        {
            throw new InvalidFieldException("arrivedAt", "is the arrival time already on record");
        }

        return new ArrivalTimeCorrected(appointment.Id, appointment.PatientId, previous, arrivedAt, reason, now);
    }
}
