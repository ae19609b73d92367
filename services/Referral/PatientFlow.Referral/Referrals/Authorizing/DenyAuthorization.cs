namespace PatientFlow.Referral.Referrals.Authorizing;

public sealed record DenyAuthorization(string? Reason = null);

public static class DenyAuthorizationDecider
{
    /// <summary>POST /referrals/{referralId}/authorization/denial</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, DenyAuthorization command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, _, now) => Decide(referral, command, now));

    public static IReadOnlyList<object> Decide(Referral referral, DenyAuthorization command, DateTimeOffset now)
    {
        AuthorizationRules.EnsurePending(referral);
        return [new AuthorizationDenied(referral.Id, referral.VisitId, referral.PatientId, TextField.Required("reason", command.Reason, 200), now)];
    }
}
