namespace PatientFlow.Lab;

/// <summary>Lab rules a clinic group tunes (configuration section <c>Lab</c>, next to the catalog).</summary>
public sealed class LabOptions
{
    /// <summary>How long a clinician has to acknowledge a critical value before it escalates.</summary>
    public TimeSpan CriticalAcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often unacknowledged critical values and overdue send-outs are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
