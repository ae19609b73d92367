using PatientFlow.Billing.Claims.Appealing;
using PatientFlow.Billing.Claims.Coding;
using PatientFlow.Billing.Claims.Correcting;
using PatientFlow.Billing.Claims.Listing;
using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Billing.Claims;

/// <summary>The claim's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class ClaimRoutes
{
    public static IEndpointRouteBuilder MapClaimRoutes(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/billing/claims").RequireAuthorization(AccessPolicies.Billing).WithTags("Claims");
        claims.Audited("claim");
        claims.MapGet("/", ClaimQueries.List);
        claims.MapGet("/work-queue", ClaimQueries.WorkQueue);
        claims.MapGet("/{claimId:guid}", ClaimQueries.Get);
        claims.MapPut("/{claimId:guid}/coding", RecodeClaimDecider.Handle);
        claims.MapPost("/{claimId:guid}/scrub", ScrubClaimDecider.Handle);
        claims.MapPost("/{claimId:guid}/appeal", AppealClaimDecider.Handle);
        claims.MapPost("/{claimId:guid}/correction", CorrectClaimDecider.Handle);
        return app;
    }
}
