namespace PatientFlow.Referral;

/// <summary>Referral rules a clinic group tunes (configuration section <c>Referral</c>, next to the deadlines).</summary>
public sealed class ReferralOptions
{
    /// <summary>How long after the referred appointment its report is due before the referral is overdue.</summary>
    public TimeSpan ReportWithin { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often overdue referrals are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a booking may wait for scheduling's answer, retries included.</summary>
    public TimeSpan SchedulingCallDeadline { get; set; } = TimeSpan.FromSeconds(5);
}
