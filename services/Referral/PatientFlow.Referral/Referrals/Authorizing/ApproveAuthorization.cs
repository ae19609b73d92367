namespace PatientFlow.Referral.Referrals.Authorizing;

public sealed record ApproveAuthorization(string? AuthorizationNumber = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, int? VisitsAllowed = null);

public static class ApproveAuthorizationDecider
{
    /// <summary>POST /referrals/{referralId}/authorization/approval</summary>
    public static Task<Ok<ReferralDetails>> Handle(Guid referralId, ApproveAuthorization command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, _, now) => Decide(referral, command, now));

    public static IReadOnlyList<object> Decide(Referral referral, ApproveAuthorization command, DateTimeOffset now)
    {
        AuthorizationRules.EnsurePending(referral);
        var number = TextField.Required("authorizationNumber", command.AuthorizationNumber, 50);
        var from = command.ValidFrom ?? throw new InvalidFieldException("validFrom", "is required");
        var to = command.ValidTo ?? throw new InvalidFieldException("validTo", "is required");
        if (to < from)
        {
            throw new InvalidFieldException("validTo", "must not be before validFrom");
        }

        var visits = command.VisitsAllowed ?? throw new InvalidFieldException("visitsAllowed", "is required");
        return visits is < 1 or > 99
            ? throw new InvalidFieldException("visitsAllowed", "must be 1 to 99")
            : [new AuthorizationApproved(referral.Id, referral.VisitId, referral.PatientId, number, from, to, visits, now)];
    }
}
