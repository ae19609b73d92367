using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims;

public static class ClaimEndpoints
{
    public static IEndpointRouteBuilder MapClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/billing/claims").RequireAuthorization(AccessPolicies.Billing);
        claims.MapGet("/{claimId:guid}", GetClaim);
        return app;
    }

    private static async Task<Ok<ClaimDetails>> GetClaim(Guid claimId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<ClaimDetails>(claimId, ct) ?? throw new NotFoundException($"claim {claimId} not found"));
}
