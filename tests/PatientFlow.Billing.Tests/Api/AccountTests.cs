using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Billing.Accounts.GettingCharges;
using PatientFlow.Billing.Fees;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using ClaimDetails = PatientFlow.Billing.Claims.Claim;

namespace PatientFlow.Billing.Tests.Api;

public class AccountTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private readonly HttpClient _billing = factory.CreateClient(Roles.Billing);

    [Fact]
    public async Task Events_SameEventsDeliveredTwice_ChargesNotDoubled()
    {
        var visit = VisitFacts.New();

        await factory.PublishAsync(visit.Completed);
        await factory.PublishAsync(visit.Resulted);
        await factory.PublishAsync(visit.Completed);
        await factory.PublishAsync(visit.Resulted);
        // The same lab result republished under a new event id is still one test.
        await factory.DeliverAsync(visit.Resulted with { EventId = Guid.CreateVersion7() });
        await factory.DeliverAsync(visit.Completed);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var charges = (await factory.WaitForAsync($"/api/billing/visits/{visit.VisitId}/charges")).ReadAs<VisitCharges>();
        charges.VisitId.Should().Be(visit.VisitId);
        charges.PatientId.Should().Be(visit.PatientId);
        charges.EncounterCompleted.Should().BeTrue();
        charges.CheckedOut.Should().BeFalse();
        charges.ClaimId.Should().BeNull();
        charges.Charges.Select(c => (c.Source, c.Code, c.Amount))
            .Should().BeEquivalentTo([(ChargeSource.Encounter, "99213", 90.00m), (ChargeSource.Encounter, "87880", 25.00m), (ChargeSource.Lab, "82947", 15.00m)]);
    }

    [Fact]
    public async Task GetChargesAndClaim_AsTheVisitProgresses_ETagIsEachStreamsVersion()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Completed);
        var afterEncounter = await _billing.GetAsync($"/api/billing/visits/{visit.VisitId}/charges");
        await factory.DeliverAsync(visit.Resulted);
        await factory.DeliverAsync(visit.CheckedOut);
        var claimId = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>().ClaimId;

        var charges = await _billing.GetAsync($"/api/billing/visits/{visit.VisitId}/charges");
        var claimOfVisit = await _billing.GetAsync($"/api/billing/visits/{visit.VisitId}/claim");
        var claim = await _billing.GetAsync($"/api/billing/claims/{claimId}");

        afterEncounter.Headers.ETag!.Tag.Should().Be("\"1\"");
        // Encounter charged, lab result charged, check-out recorded, claim drafted.
        charges.Headers.ETag!.Tag.Should().Be("\"4\"");
        (await charges.ReadAsAsync<VisitCharges>()).Charges.Should().HaveCount(3);
        // The claim is its own stream: drafted, then scrubbed in the same commit.
        claimOfVisit.Headers.ETag!.Tag.Should().Be("\"2\"", "the claim is its own stream");
        claim.Headers.ETag!.Tag.Should().Be("\"2\"");
    }

    [Fact]
    public async Task GetClaim_EncounterCompletedButNotCheckedOut_Returns404()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Completed);

        var response = await _billing.GetAsync($"/api/billing/visits/{visit.VisitId}/claim");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(response)).GetProperty("detail").GetString().Should().Contain(visit.VisitId.ToString());
    }

    [Theory]
    [InlineData("/api/billing/visits/{0}/claim")]
    [InlineData("/api/billing/visits/{0}/charges")]
    [InlineData("/api/billing/claims/{0}")]
    public async Task Get_UnknownId_Returns404ProblemDetails(string template)
    {
        var id = Guid.CreateVersion7();

        var response = await _billing.GetAsync(string.Format(template, id));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Body(response)).GetProperty("detail").GetString().Should().Contain(id.ToString());
    }

    [Theory]
    [InlineData("/api/billing/visits/{0}/claim")]
    [InlineData("/api/billing/visits/{0}/charges")]
    [InlineData("/api/billing/claims/{0}")]
    public async Task Get_NoToken_Returns401(string template)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(string.Format(template, Guid.CreateVersion7()));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/billing/visits/{0}/claim")]
    [InlineData("/api/billing/visits/{0}/charges")]
    [InlineData("/api/billing/claims/{0}")]
    public async Task Get_ClinicianRole_Returns403(string template)
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.CheckedOut);
        var claimId = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>().ClaimId;
        var id = template.Contains("claims") ? claimId : visit.VisitId;

        var response = await factory.CreateClient(Roles.Clinician).GetAsync(string.Format(template, id));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void FeeSchedule_AsConfigured_PricesTheAgreedCodesInUsd()
    {
        var fees = factory.Services.GetRequiredService<FeeSchedule>();

        fees.Currency.Should().Be("USD");
        fees.Prices.Should().BeEquivalentTo(new Dictionary<string, decimal>
        {
            ["99202"] = 75.00m, ["99203"] = 110.00m, ["99204"] = 165.00m, ["99212"] = 55.00m, ["99213"] = 90.00m,
            ["99214"] = 130.00m, ["36415"] = 10.00m, ["82947"] = 15.00m, ["83036"] = 28.00m, ["85018"] = 12.00m,
            ["82465"] = 18.00m, ["85610"] = 14.00m, ["87880"] = 25.00m, ["93000"] = 35.00m,
            ["81002"] = 5.00m, ["82565"] = 12.00m, ["84132"] = 10.00m, ["84443"] = 35.00m,
        });
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonDocument>())!.RootElement;

    /// <summary>An answer the factory waited for, read as the service's own type (with the services' JSON options).</summary>
}
