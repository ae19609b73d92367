using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Billing.Accounts.GettingCharges;
using PatientFlow.Billing.Claims;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var visits = app.MapGroup("/api/billing/visits").RequireAuthorization(AccessPolicies.Billing);
        visits.MapGet("/{visitId:guid}/charges", GetCharges);
        visits.MapGet("/{visitId:guid}/claim", GetClaim);
        return app;
    }

    /// <summary>The account's charges, with the account stream's version as ETag.</summary>
    private static async Task<Ok<VisitCharges>> GetCharges(Guid visitId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (account, version) = await LoadAccount(session, visitId, ct);
        StreamVersion.SetETag(http, version);
        return TypedResults.Ok(VisitCharges.From(account));
    }

    /// <summary>The visit's claim, with the claim stream's version as ETag (the claim is its own stream).</summary>
    private static async Task<Ok<Claim>> GetClaim(Guid visitId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (account, _) = await LoadAccount(session, visitId, ct);
        var claim = account.ClaimId is { } claimId ? await session.LoadWithETagAsync<Claim>(claimId, http, ct) : null;
        return TypedResults.Ok(claim ?? throw new NotFoundException($"visit {visitId} has no claim yet"));
    }

    /// <summary>
    /// The account folded from its events in one read, so the version belongs to exactly the state shown:
    /// a consumer committing meanwhile cannot make the tag and the body disagree.
    /// </summary>
    internal static async Task<(BillingAccount Account, long Version)> LoadAccount(IQuerySession session, Guid visitId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(visitId, token: ct);
        return events.Count > 0 && BillingAccount.Replay(null, events.Select(e => e.Data)) is { } account
            ? (account, events[^1].Version)
            : throw new NotFoundException($"billing knows no visit {visitId}");
    }
}
