namespace PatientFlow.Gateway.Tests;

public class CorrelationTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    private const string Header = "X-Correlation-Id";

    [Fact]
    public async Task ProxyRequest_WithoutCorrelationId_GeneratesOneForServiceAndResponse()
    {
        using var client = gateway.Factory.CreateClient(Roles.Clinician);

        var response = await client.GetAsync($"/api/intake/encounters/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.CorrelationId.Should().NotBeNullOrWhiteSpace();
        response.Headers.GetValues(Header).Should().ContainSingle().Which.Should().Be(seen.CorrelationId);
    }

    [Fact]
    public async Task ProxyRequest_WithCorrelationId_PreservesItForServiceAndResponse()
    {
        var correlationId = $"front-desk-{Guid.NewGuid():N}";
        using var client = gateway.Factory.CreateClient(Roles.Lab);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/lab/orders/{Guid.NewGuid()}");
        request.Headers.Add(Header, correlationId);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.CorrelationId.Should().Be(correlationId);
        response.Headers.GetValues(Header).Should().ContainSingle().Which.Should().Be(correlationId);
    }

    [Fact]
    public async Task CallApi_RejectedWithoutToken_ProblemCarriesCorrelationId()
    {
        var correlationId = $"c-{Guid.NewGuid():N}";
        using var client = gateway.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/billing/claims/{Guid.NewGuid()}");
        request.Headers.Add(Header, correlationId);

        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("correlationId").GetString().Should().Be(correlationId);
        response.Headers.GetValues(Header).Should().ContainSingle().Which.Should().Be(correlationId);
    }
}
