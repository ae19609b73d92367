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
        var claims = app.MapGroup("/api/billing/claims").RequireAuthorization(AccessPolicies.Billing).RequireAuthorization(AccessPolicies.ClaimWork).WithTags("Claims");
        claims.Audited("claim");
        claims.MapGet("/", ClaimQueries.List);
        claims.MapGet("/work-queue", ClaimQueries.WorkQueue);

        claims.MapGet("/{claimId:guid}", ClaimQueries.Get).RequireClinicOf("claimId", BillingClinics.ClaimAsync, Claim.NotFound);
        var claim = claims.MapGroup("/{claimId:guid}").RequireClinicOf("claimId", BillingClinics.ClaimAsync, Claim.NotFound);
        claim.MapPut("/coding", RecodeClaimDecider.Handle);
        claim.MapPost("/scrub", ScrubClaimDecider.Handle);
        claim.MapPost("/appeal", AppealClaimDecider.Handle);
        claim.MapPost("/correction", CorrectClaimDecider.Handle);
        return app;
    }
}
