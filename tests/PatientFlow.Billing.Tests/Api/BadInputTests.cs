using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using PatientFlow.Billing.Coverage;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Billing.Tests.Api;

/// <summary>What a fuzzer sends gets a 4xx problem, never a 500, and records nothing; eligibility takes If-Match like every command.</summary>
public class BadInputTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private readonly HttpClient _desk = factory.CreateClient(Roles.FrontDesk);

    [Fact]
    public async Task EveryRouteWithAnId_AllZeroId_Answers404OrAsAnUnknownId()
    {
        var answers = await factory.ProbeAllZeroIdsAsync();

        answers.Should().NotBeEmpty("every billing route with an id in its path is asked");
        answers.Where(a => a.AllZero != HttpStatusCode.NotFound && a.AllZero != a.Unknown).Select(a => a.ToString()).Should().BeEmpty();
    }

    [Fact]
    public async Task Eligibility_CurrentIfMatch_RecordsTheAnswerWithTheNextETag()
    {
        var (patientId, etag) = await CoveredPatientAsync();

        var response = await _desk.SendAsync(Eligibility(patientId, etag.Tag));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.ETag.Should().Be(new EntityTagHeaderValue($"\"{await VersionAsync(patientId)}\""));
        (await VerificationsAsync(patientId)).Should().Be(1);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("\"-1\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/")]
    public async Task Eligibility_MalformedIfMatch_400NamingIfMatchAndRecordsNothing(string ifMatch)
    {
        var (patientId, _) = await CoveredPatientAsync();

        var response = await _desk.SendAsync(Eligibility(patientId, ifMatch));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("If-Match");
        (await VerificationsAsync(patientId)).Should().Be(0);
    }

    [Fact]
    public async Task Eligibility_StaleIfMatch_412WithTheCurrentVersionAndRecordsNothing()
    {
        var (patientId, etag) = await CoveredPatientAsync();
        (await _desk.SendAsync(Eligibility(patientId, etag.Tag))).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _desk.SendAsync(Eligibility(patientId, etag.Tag));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().Should().Be("If-Match");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(await VersionAsync(patientId));
        (await VerificationsAsync(patientId)).Should().Be(1);
    }

    [Fact]
    public async Task RegisterCoverage_IfMatchBeforeThereIsAnyCoverage_412AndRegistersNothing()
    {
        var patientId = Guid.CreateVersion7();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/billing/patients/{patientId}/coverages/primary")
        {
            Content = JsonContent.Create(InsuranceCard.Of(copays: new Dictionary<string, decimal> { ["follow-up"] = 25m })),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"3\"");

        var response = await _desk.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt64().Should().Be(0);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(patientId)).Should().BeNull();
    }

    [Fact]
    public async Task RegisterCoverage_NulInACopayVisitType_Answers400NamingTheFieldAndRegistersNothing()
    {
        var patientId = Guid.CreateVersion7();

        var response = await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/primary",
            InsuranceCard.Of(copays: new Dictionary<string, decimal> { ["follow\u0000up"] = 25m }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Single().Name.Should().StartWith("copayByVisitType");
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(patientId)).Should().BeNull();
    }

    private async Task<(Guid PatientId, EntityTagHeaderValue ETag)> CoveredPatientAsync()
    {
        var patientId = Guid.CreateVersion7();
        var registered = await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/primary",
            InsuranceCard.Of(copays: new Dictionary<string, decimal> { ["follow-up"] = 25m }));
        registered.StatusCode.Should().Be(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        return (patientId, registered.Headers.ETag!);
    }

    private static HttpRequestMessage Eligibility(Guid patientId, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/billing/patients/{patientId}/eligibility")
        {
            Content = JsonContent.Create(new { serviceDate = "2026-03-04", visitType = "follow-up" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task<long> VersionAsync(Guid patientId)
    {
        await using var session = factory.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(patientId))!.Version;
    }

    private async Task<int> VerificationsAsync(Guid patientId)
    {
        await using var session = factory.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(patientId)).Count(e => e.Data is EligibilityVerified);
    }
}
