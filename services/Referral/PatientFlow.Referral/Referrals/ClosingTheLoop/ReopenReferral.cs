using PatientFlow.Platform.Time;

namespace PatientFlow.Referral.Referrals.ClosingTheLoop;

public static class ReopenReferralDecider
{
    /// <summary>
    /// The referred appointment did not happen: the referral waits for scheduling again, with a fresh deadline for its urgency.
    /// Ignored (nothing decided) when the appointment is no longer the referral's: it was rebooked or the loop already closed.
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral referral, Guid? appointmentId, ReopenReason reason, ReferralDeadlines deadlines, DateTimeOffset now) =>
        referral.Status == ReferralStatus.Scheduled && referral.Appointment!.AppointmentId == appointmentId
            ? [new ReferralReopened(referral.Id, referral.VisitId, referral.PatientId, reason, appointmentId, deadlines.ScheduleBy(referral.Urgency, now), now)]
            : [];
}
