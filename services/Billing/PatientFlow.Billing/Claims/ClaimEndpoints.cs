using Marten;
using PatientFlow.ServiceDefaults.EventStore;
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

    /// <summary>The claim, with its stream version as ETag.</summary>
    private static async Task<Ok<ClaimDetails>> GetClaim(Guid claimId, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadWithETagAsync<ClaimDetails>(claimId, http, ct) ?? throw new NotFoundException($"claim {claimId} not found"));
}
