using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals.Authorizing;

public sealed record RequestAuthorization(string? Payer = null);

public sealed record ApproveAuthorization(string? AuthorizationNumber = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, int? VisitsAllowed = null);

public sealed record DenyAuthorization(string? Reason = null);

public sealed record AppealDenial(string? Grounds = null);

/// <summary>Prior authorization: requested → approved or denied → (appealed → requested again).</summary>
public static class AuthorizationDeciders
{
    /// <summary>POST /referrals/{referralId}/authorization</summary>
    public static Task<Ok<ReferralDetails>> HandleRequest(Guid referralId, RequestAuthorization command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Request(referral, command, who, now));

    /// <summary>POST /referrals/{referralId}/authorization/approval</summary>
    public static Task<Ok<ReferralDetails>> HandleApprove(Guid referralId, ApproveAuthorization command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, _, now) => Approve(referral, command, now));

    /// <summary>POST /referrals/{referralId}/authorization/denial</summary>
    public static Task<Ok<ReferralDetails>> HandleDeny(Guid referralId, DenyAuthorization command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, _, now) => Deny(referral, command, now));

    /// <summary>POST /referrals/{referralId}/authorization/appeal</summary>
    public static Task<Ok<ReferralDetails>> HandleAppeal(Guid referralId, AppealDenial command, ReferralCommands commands) =>
        commands.DecideAsync(referralId, (referral, who, now) => Appeal(referral, command, who, now));

    public static IReadOnlyList<object> Request(Referral referral, RequestAuthorization command, string requestedBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var payer = Text.Required("payer", command.Payer, 100);
        return referral.Authorization.Status == AuthorizationStatus.NotRequested
            ? [new AuthorizationRequested(referral.Id, referral.VisitId, referral.PatientId, payer, requestedBy, now)]
            : throw new ConflictException($"referral {referral.Id} already has an authorization {Word(referral.Authorization.Status)}; a denial is appealed, not requested again");
    }

    public static IReadOnlyList<object> Approve(Referral referral, ApproveAuthorization command, DateTimeOffset now)
    {
        EnsurePending(referral);
        var number = Text.Required("authorizationNumber", command.AuthorizationNumber, 50);
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

    public static IReadOnlyList<object> Deny(Referral referral, DenyAuthorization command, DateTimeOffset now)
    {
        EnsurePending(referral);
        return [new AuthorizationDenied(referral.Id, referral.VisitId, referral.PatientId, Text.Required("reason", command.Reason, 200), now)];
    }

    public static IReadOnlyList<object> Appeal(Referral referral, AppealDenial command, string appealedBy, DateTimeOffset now)
    {
        referral.EnsureOpen();
        var grounds = Text.Required("grounds", command.Grounds, 500);
        return referral.Authorization.Status == AuthorizationStatus.Denied
            ? [new AuthorizationAppealed(referral.Id, referral.VisitId, referral.PatientId, grounds, appealedBy, now)]
            : throw new ConflictException($"only a denied authorization can be appealed; referral {referral.Id}'s is {Word(referral.Authorization.Status)}");
    }

    private static void EnsurePending(Referral referral)
    {
        referral.EnsureOpen();
        if (referral.Authorization.Status != AuthorizationStatus.Requested)
        {
            throw new ConflictException($"referral {referral.Id} has no pending authorization request (it is {Word(referral.Authorization.Status)})");
        }
    }

    internal static string Word<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
