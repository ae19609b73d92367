namespace PatientFlow.Referral.Referrals.Authorizing;

public sealed record AppealDenial(string? Grounds = null);

public static class AppealDenialDecider
{
    /// <summary>POST /referrals/{referralId}/authorization/appeal</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, AppealDenial command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Decide(referral, command, who, now));

    public static IReadOnlyList<object> Decide(Referral referral, AppealDenial command, string appealedBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var grounds = TextField.Required("grounds", command.Grounds, 500);
        return referral.Authorization.Status == AuthorizationStatus.Denied
            ? [new AuthorizationAppealed(referral.Id, referral.VisitId, referral.PatientId, grounds, appealedBy, now)]
            : throw new ConflictException($"only a denied authorization can be appealed; referral {referral.Id}'s is {AuthorizationRules.Word(referral.Authorization.Status)}");
    }
}
