using PatientFlow.Billing.Accounts.Copay;
using PatientFlow.Billing.Accounts.GettingCharges;
using PatientFlow.Billing.Claims;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Billing.Accounts;

/// <summary>The account's routes: the copay at the desk (its slices and reads) and, for billing staff, the visit's charges and claim.</summary>
public static class AccountRoutes
{
    public static IEndpointRouteBuilder MapAccountRoutes(this IEndpointRouteBuilder app)
    {
        // The front desk collects and refunds; billing staff see the same.
        var patients = app.MapGroup("/api/billing/patients").RequireAuthorization(AccessPolicies.Coverage).WithTags("Copay, balance and eligibility alerts");
        patients.Audited("account");
        patients.MapGet("/eligibility-alerts", CopayQueries.Alerts).RequireAuthorization(AccessPolicies.Copay);
        patients.MapGet("/{patientId:guid}/balance", CopayQueries.Balance).RequireAuthorization(AccessPolicies.Copay);

        patients.MapGet("/{patientId:guid}/visits/{visitId:guid}/copay", CopayQueries.Copay).RequireAuthorization(AccessPolicies.Copay)
            .RequireClinicOf("visitId", BillingClinics.VisitAsync, BillingAccount.NotFound);
        var copay = patients.MapGroup("/{patientId:guid}/visits/{visitId:guid}/copay").RequireAuthorization(AccessPolicies.Copay)
            .RequireClinicOf("visitId", BillingClinics.VisitAsync, BillingAccount.NotFound);
        copay.MapPost("/payments", CollectCopayDecider.Handle);
        copay.MapGet("/payments/{paymentId:guid}/receipt", CopayQueries.Receipt);
        copay.MapPost("/payments/{paymentId:guid}/refunds", RefundCopayDecider.Handle);

        var visit = app.MapGroup("/api/billing/visits/{visitId:guid}").RequireAuthorization(AccessPolicies.Billing).RequireAuthorization(AccessPolicies.ClaimWork)
            .RequireClinicOf("visitId", BillingClinics.VisitAsync, BillingAccount.NotFound);
        visit.Audited("visit-account");
        visit.MapGet("/charges", ChargesOf);
        visit.MapGet("/claim", ClaimOf);
        return app;
    }

    /// <summary>The account's charges, with the account stream's version as ETag.</summary>
    private static async Task<Ok<VisitCharges>> ChargesOf(Guid visitId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (account, version) = await BillingAccount.LoadAsync(session, visitId, ct);
        StreamVersion.SetETag(http, version);
        return TypedResults.Ok(VisitCharges.From(account));
    }

    /// <summary>The visit's claim, with the claim stream's version as ETag (the claim is its own stream).</summary>
    private static async Task<Ok<Claim>> ClaimOf(Guid visitId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (account, _) = await BillingAccount.LoadAsync(session, visitId, ct);
        var claim = account.ClaimId is { } claimId ? await session.LoadWithETagAsync<Claim>(claimId, http, ct) : null;
        return TypedResults.Ok(claim ?? throw new NotFoundException($"visit {visitId} has no claim yet"));
    }
}
