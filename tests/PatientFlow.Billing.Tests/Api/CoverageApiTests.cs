using System.Net;
using System.Net.Http.Json;
using PatientFlow.Billing.Coverage;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Billing.Tests.Api;

public class CoverageApiTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private readonly HttpClient _desk = factory.CreateClient(Roles.FrontDesk);

    private static async Task<System.Text.Json.JsonElement> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonDocument>())!.RootElement;

    [Fact]
    public async Task FrontDesk_RegistersCoverageAndChecksEligibility_TheAnswerIsRecordedWithTheCoverage()
    {
        var patientId = Guid.CreateVersion7();

        var registered = await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/primary", InsuranceCard.Of("W123456789"));
        registered.StatusCode.Should().Be(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        var check = await _desk.PostAsJsonAsync($"/api/billing/patients/{patientId}/eligibility", new { serviceDate = "2026-03-04", visitType = "follow-up" });

        check.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await check.ReadAsAsync<EligibilityVerified>();
        answer.Active.Should().BeTrue();
        answer.Copay.Should().Be(25m);
        answer.DeductibleRemaining.Should().Be(1500m);
        var coverages = await _desk.GetAsync($"/api/billing/patients/{patientId}/coverages").ReadAsAsync<List<CoverageView>>();
        coverages[0].Rank.Should().Be(CoverageRank.Primary);
        coverages[0].LastVerification!.Copay.Should().Be(25m);
    }

    [Fact]
    public async Task Eligibility_OutsideTheCoveragesDates_AnswersInactiveWithTheReason()
    {
        var patientId = Guid.CreateVersion7();
        (await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/primary", InsuranceCard.Of("W555", to: "2026-02-28"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var answer = await _desk.PostAsJsonAsync($"/api/billing/patients/{patientId}/eligibility", new { serviceDate = "2026-03-04" }).ReadAsAsync<EligibilityVerified>();

        answer.Active.Should().BeFalse();
        answer.Reason.Should().Be("coverage ended 2026-02-28");
    }

    [Fact]
    public async Task Eligibility_NoCoverageOnFile_409SelfPay()
    {
        var response = await _desk.PostAsJsonAsync($"/api/billing/patients/{Guid.CreateVersion7()}/eligibility", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Body(response)).GetProperty("conflict").GetString().Should().Be("coverage");
    }

    [Fact]
    public async Task Register_BadRankOrField_422NamingItAndNothingStored()
    {
        var patientId = Guid.CreateVersion7();

        var rank = await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/tertiary", InsuranceCard.Of("W1"));
        var field = await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/primary", InsuranceCard.Of("W 1"));

        rank.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(rank)).GetProperty("errors").TryGetProperty("rank", out _).Should().BeTrue();
        field.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(field)).GetProperty("errors").TryGetProperty("memberId", out _).Should().BeTrue();
        (await _desk.GetAsync($"/api/billing/patients/{patientId}/coverages")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Coverage_ClinicianRole_403() =>
        (await factory.CreateClient(Roles.Clinician).GetAsync($"/api/billing/patients/{Guid.CreateVersion7()}/coverages")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
}
