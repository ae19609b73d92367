namespace PatientFlow.Scheduling.Appointments.NoShows;

public static class NoShowDecider
{
    /// <summary>A booked appointment whose start is more than <paramref name="grace"/> past becomes a no-show; anything else is left alone.</summary>
    public static NoShowRecorded? Decide(Appointment appointment, TimeSpan grace, DateTimeOffset now) =>
        appointment.Status == AppointmentStatus.Booked && appointment.StartsAt != default && now - appointment.StartsAt > grace
            ? new NoShowRecorded(appointment.Id, appointment.PatientId, appointment.ProviderId, appointment.StartsAt, now)
            : null;
}
