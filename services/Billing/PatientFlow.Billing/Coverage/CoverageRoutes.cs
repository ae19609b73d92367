using PatientFlow.Billing.Coverage.CheckingEligibility;
using PatientFlow.Billing.Coverage.Registering;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Billing.Coverage;

/// <summary>The coverage routes: one line a slice; the list is here.</summary>
public static class CoverageRoutes
{
    public static IEndpointRouteBuilder MapCoverageRoutes(this IEndpointRouteBuilder app)
    {
        // The front desk enters coverage from the card and checks it; billing does too.
        var patient = app.MapGroup("/api/billing/patients/{patientId:guid}").RequireAuthorization(AccessPolicies.Coverage).WithTags("Coverage and eligibility")
            .RequireClinicOf("patientId", BillingClinics.PatientAsync, PatientCoverage.NotFound);
        patient.Audited("coverage");
        patient.MapPut("/coverages/{rank}", RegisterCoverageDecider.Handle);
        patient.MapGet("/coverages", List);
        patient.MapPost("/eligibility", CheckEligibilityDecider.Handle);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CoverageView>>> List(Guid patientId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await CoverageView.ListAsync(session, patientId, ct));
}
