using PatientFlow.Platform.Time;

namespace PatientFlow.Referral.Referrals.ClosingTheLoop;

/// <summary>An external appointment the patient missed, reported by the facility.</summary>
public sealed record RecordMissedAppointment(ReopenReason? Reason = null);

public static class RecordMissedAppointmentDecider
{
    /// <summary>POST /referrals/{referralId}/missed-appointment</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, RecordMissedAppointment command, ReferralCommands commands, ReferralDeadlines deadlines) =>
        commands.DecideAsync(referralId, (referral, _, now) => Decide(referral, command, deadlines, now));

    public static IReadOnlyList<object> Decide(Referral referral, RecordMissedAppointment command, ReferralDeadlines deadlines, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var reason = command.Reason ?? throw new InvalidFieldException("reason", "is required: no-show or appointment-cancelled");
        return referral is { Status: ReferralStatus.Scheduled, Appointment.InNetwork: false }
            ? ReopenReferralDecider.Decide(referral, null, reason, deadlines, now)
            : throw new ConflictException(referral.Status == ReferralStatus.Scheduled
                ? $"referral {referral.Id}'s appointment is in network: scheduling reports its no-show"
                : $"referral {referral.Id} has no appointment to miss");
    }
}
