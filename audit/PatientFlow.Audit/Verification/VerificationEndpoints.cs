using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Audit.Database;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Audit.Verification;

/// <summary>
/// Walks every chain and answers the number of records checked, each chain's head (to keep outside the database and
/// compare next time: a cut-off tail shows only against a kept head) and the first changed, deleted or inserted record.
/// </summary>
public static class VerificationEndpoints
{
    public static IEndpointRouteBuilder MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/audit/verification", async Task<Ok<AuditVerification>> (AuditDatabase database, CancellationToken ct) =>
                TypedResults.Ok(await AuditChainVerifier.VerifyAsync(database.DataSource, ct)))
            .RequireAuthorization(AccessPolicies.AuditReports)
            .HoldsNoPhi()
            .WithTags("Audit verification");
        return app;
    }
}
