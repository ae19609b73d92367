using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Billing.Accounts.GettingCharges;
using PatientFlow.Billing.Claims;
using PatientFlow.ServiceDefaults.Auth;
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

    private static async Task<Ok<VisitCharges>> GetCharges(Guid visitId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(VisitCharges.From(await LoadAccount(session, visitId, ct)));

    private static async Task<Ok<ClaimDetails>> GetClaim(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        var account = await LoadAccount(session, visitId, ct);
        var claim = account.ClaimId is { } claimId ? await session.LoadAsync<ClaimDetails>(claimId, ct) : null;
        return TypedResults.Ok(claim ?? throw new NotFoundException($"visit {visitId} has no claim yet"));
    }

    private static async Task<BillingAccount> LoadAccount(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<BillingAccount>(visitId, token: ct) ?? throw new NotFoundException($"billing knows no visit {visitId}");
}
