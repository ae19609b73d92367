using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Billing.Claims.Remittances;

/// <summary>The remittances' routes: posting an 835 is its slice; the read is here.</summary>
public static class RemittanceRoutes
{
    public static IEndpointRouteBuilder MapRemittanceRoutes(this IEndpointRouteBuilder app)
    {
        // A payer's 835 pays claims of every clinic: the billing office's, with every clinic.
        var remittances = app.MapGroup("/api/billing/remittances").RequireAuthorization(AccessPolicies.Billing).RequireAuthorization(AccessPolicies.ClaimWork)
            .RequireAllClinics().WithTags("Remittances (835)");
        remittances.Audited("remittance");
        remittances.MapPost("/", PostRemittanceDecider.Handle).Accepts<string>("application/edi-x12", "text/plain")
            .WithRequestBodyLimit(PostRemittanceDecider.MaxFileBytes);
        remittances.MapGet("/{remittanceId:guid}", Get);
        return app;
    }

    private static async Task<Ok<RemittanceDetails>> Get(Guid remittanceId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<RemittanceDetails>(remittanceId, ct) ?? throw new NotFoundException($"remittance {remittanceId} not found"));
}
