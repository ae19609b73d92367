namespace PatientFlow.Scheduling.Appointments.Reminders;

public static class ReminderDecider
{
    /// <summary>
    /// One <see cref="ReminderDue"/> per configured offset whose time has come, once each, while the appointment
    /// is booked and ahead. An offset that was already past when the appointment was booked or last moved
    /// (booked 1 h before, a 48 h reminder) is skipped: the patient just arranged it.
    /// </summary>
    public static IReadOnlyList<ReminderDue> Decide(Appointment appointment, IReadOnlyList<TimeSpan> offsets, DateTimeOffset now)
    {
        if (appointment.Status != AppointmentStatus.Booked || appointment.StartsAt <= now)
        {
            return [];
        }

        return [.. offsets
            .Select(offset => (Minutes: (int)offset.TotalMinutes, DueAt: appointment.StartsAt - offset))
            .Where(r => r.DueAt <= now && r.DueAt >= appointment.ScheduledAt && !(appointment.RemindersSent ?? []).Contains(r.Minutes))
            .OrderByDescending(r => r.Minutes)
            .Select(r => new ReminderDue(appointment.Id, appointment.PatientId, appointment.StartsAt, r.Minutes, r.DueAt))];
    }
}
