namespace PatientFlow.Gateway.Tests;

/// <summary>What the gateway lets integrators reach: the event catalog without a token, the gRPC feed only as an integrator.</summary>
public class IntegratorRoutingTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    private const string Subscribe = "/patientflow.tracking.v1.IntegratorFeed/Subscribe";

    [Fact]
    public async Task GetCatalog_WithoutToken_ReachesTracking()
    {
        using var client = gateway.Factory.CreateClient();

        var response = await client.GetAsync("/api/tracking/catalog/asyncapi.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.Backend.Should().Be("tracking");
        seen.Path.Should().Be("/api/tracking/catalog/asyncapi.json");
    }

    [Fact]
    public async Task PostToTheCatalog_Answers405OrIsRefused_NeverReachesTracking()
    {
        using var client = gateway.Factory.CreateClient();

        var response = await client.PostAsync("/api/tracking/catalog/asyncapi.json", null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "only GET is open; anything else falls to the token-checked route");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("front-desk", HttpStatusCode.Forbidden)]
    [InlineData("clinician", HttpStatusCode.Forbidden)]
    public async Task SubscribeOverGrpc_WithoutIntegratorRole_RefusedAtTheGateway(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? gateway.Factory.CreateClient() : gateway.Factory.CreateClient(role);

        var response = await client.PostAsync(Subscribe, new ByteArrayContent([0, 0, 0, 0, 0]));

        response.StatusCode.Should().Be(expected);
    }
}
