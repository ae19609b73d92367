using PatientFlow.Platform.Time;

namespace PatientFlow.Referral.Referrals.ClosingTheLoop;

public sealed record CancelReferral(string? Reason = null);

public static class CancelReferralDecider
{
    /// <summary>POST /referrals/{referralId}/cancellation</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, CancelReferral command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Decide(referral, command, who, now));

    public static IReadOnlyList<object> Decide(Referral referral, CancelReferral command, string cancelledBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        return [new ReferralCancelled(referral.Id, referral.VisitId, referral.PatientId, TextField.Required("reason", command.Reason, 200), cancelledBy, now)];
    }
}
