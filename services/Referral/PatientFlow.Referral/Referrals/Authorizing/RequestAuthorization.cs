namespace PatientFlow.Referral.Referrals.Authorizing;

public sealed record RequestAuthorization(string? Payer = null);

public static class RequestAuthorizationDecider
{
    /// <summary>POST /referrals/{referralId}/authorization</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, RequestAuthorization command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Decide(referral, command, who, now));

    public static IReadOnlyList<object> Decide(Referral referral, RequestAuthorization command, string requestedBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var payer = TextField.Required("payer", command.Payer, 100);
        return referral.Authorization.Status == AuthorizationStatus.NotRequested
            ? [new AuthorizationRequested(referral.Id, referral.VisitId, referral.PatientId, payer, requestedBy, now)]
            : throw new ConflictException($"referral {referral.Id} already has an authorization {AuthorizationRules.Word(referral.Authorization.Status)}; a denial is appealed, not requested again");
    }
}
