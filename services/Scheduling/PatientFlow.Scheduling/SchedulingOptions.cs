namespace PatientFlow.Scheduling;

/// <summary>Front-desk rules a clinic group tunes (configuration section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    /// <summary>Not arrived this long after the start time: recorded as a no-show.</summary>
    public TimeSpan NoShowGrace { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Arrived more than this after the start time: flagged late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before the start each <c>ReminderDue</c> is raised.</summary>
    public TimeSpan[] ReminderOffsets { get; set; } = [TimeSpan.FromHours(48), TimeSpan.FromHours(2)];

    /// <summary>How long a waitlisted patient has to accept an offered slot (never beyond the slot's start).</summary>
    public TimeSpan WaitlistOfferWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often no-shows, due reminders and expired offers are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
