namespace PatientFlow.Referral.Referrals.Deadlines;

/// <summary>Unscheduled past the urgency's deadline, or seen without a report within the report window: overdue, once per period.</summary>
public static class ReferralDeadlineDecider
{
    public static IReadOnlyList<object> Decide(Referral referral, TimeSpan reportWithin, DateTimeOffset now) => referral switch
    {
        { Status: ReferralStatus.Created, SchedulingOverdue: false } when referral.ScheduleBy < now =>
            [new ReferralSchedulingOverdue(referral.Id, referral.VisitId, referral.PatientId, referral.ScheduleBy, now)],
        { Status: ReferralStatus.Scheduled, Appointment: { ReportOverdue: false } appointment } when appointment.At + reportWithin < now =>
            [new ReferralReportOverdue(referral.Id, referral.VisitId, referral.PatientId, appointment.At + reportWithin, now)],
        _ => [],
    };
}
