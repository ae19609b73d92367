using System.Net.Http.Json;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using Xunit.Abstractions;
using static PatientFlow.Testing.AccessMatrix;

namespace PatientFlow.Billing.Tests.Api;

/// <summary>
/// Billing's access table: the desk and billing take coverage and copays; charges and claims are billing's, in the
/// visit's clinic; a payer's batches and remittances span clinics, so they need every clinic.
/// </summary>
public class AccessMatrixTests(BillingFactory factory, ITestOutputHelper output)
    : AccessMatrixSpec<Program>(factory, output), IClassFixture<BillingFactory>
{
    private const string Patient = "/api/billing/patients/{patientId:guid}";
    private const string Copay = Patient + "/visits/{visitId:guid}/copay";
    private const string Claim = "/api/billing/claims/{claimId:guid}";

    protected override IEnumerable<AccessRule> Table =>
    [
        // Coverage is taken before a patient's first visit, when no clinic holds them yet: an unknown patient is open to the
        // desk, so a write's answer for one differs from the 404 for another clinic's patient.
        Record($"PUT {Patient}/coverages/{{rank}}", DeskAndBilling, "patientId").OpenWhenUnknown(),
        Record($"GET {Patient}/coverages", DeskAndBilling, "patientId"),
        Record($"POST {Patient}/eligibility", DeskAndBilling, "patientId").OpenWhenUnknown(),
        Listed("GET /api/billing/patients/eligibility-alerts", DeskAndBilling),
        Listed($"GET {Patient}/balance", DeskAndBilling),
        Record($"GET {Copay}", DeskAndBilling, "visitId"),
        Record($"POST {Copay}/payments", DeskAndBilling, "visitId"),
        Record($"GET {Copay}/payments/{{paymentId:guid}}/receipt", DeskAndBilling, "visitId"),
        Record($"POST {Copay}/payments/{{paymentId:guid}}/refunds", DeskAndBilling, "visitId"),
        Record("GET /api/billing/visits/{visitId:guid}/charges", BillingStaff, "visitId"),
        Record("GET /api/billing/visits/{visitId:guid}/claim", BillingStaff, "visitId"),
        Listed("GET /api/billing/claims/", BillingStaff),
        Listed("GET /api/billing/claims/work-queue", BillingStaff),
        Record($"GET {Claim}", BillingStaff, "claimId"),
        Record($"PUT {Claim}/coding", BillingStaff, "claimId"),
        Record($"POST {Claim}/scrub", BillingStaff, "claimId"),
        Record($"POST {Claim}/appeal", BillingStaff, "claimId"),
        Record($"POST {Claim}/correction", BillingStaff, "claimId"),
        Row("POST /api/billing/batches/", BillingStaff, ClinicRule.Organization),
        Row("GET /api/billing/batches/", BillingStaff, ClinicRule.Organization),
        Row("GET /api/billing/batches/{batchId:guid}", BillingStaff, ClinicRule.Organization),
        Row("GET /api/billing/batches/{batchId:guid}/837", BillingStaff, ClinicRule.Organization),
        Row("POST /api/billing/batches/{batchId:guid}/acknowledgement", BillingStaff, ClinicRule.Organization),
        Row("POST /api/billing/remittances/", BillingStaff, ClinicRule.Organization),
        Row("GET /api/billing/remittances/{remittanceId:guid}", BillingStaff, ClinicRule.Organization),
        .. Operations("billing"),
    ];

    /// <summary>A patient with a card on file and a visit at the north clinic, seen, checked out and claimed.</summary>
    protected override async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        var visit = VisitFacts.New();
        using var desk = factory.CreateClient(Roles.FrontDesk);
        (await desk.PutAsJsonAsync($"/api/billing/patients/{visit.PatientId}/coverages/primary", InsuranceCard.Of())).EnsureSuccessStatusCode();
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.Resulted);
        await factory.DeliverAsync(visit.CheckedOut);
        var claim = await factory.WaitForClaimAsync(visit.VisitId);
        return new Dictionary<string, string>
        {
            ["patientId"] = visit.PatientId.ToString(),
            ["visitId"] = visit.VisitId.ToString(),
            ["claimId"] = claim.GetProperty("claimId").GetString()!,
            ["rank"] = "primary",
        };
    }
}
