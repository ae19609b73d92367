namespace PatientFlow.Gateway.Tests;

public class RoutingTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    [Theory]
    [InlineData("scheduling", Roles.FrontDesk)]
    [InlineData("intake", Roles.Clinician)]
    [InlineData("lab", Roles.Lab)]
    [InlineData("referral", Roles.Clinician)]
    [InlineData("billing", Roles.Billing)]
    [InlineData("tracking", Roles.Integrator)]
    public async Task ProxyRequest_ForServicePrefix_ReachesThatServiceWithPathUnchanged(string service, string role)
    {
        var path = $"/api/{service}/things/{Guid.NewGuid()}?page=2";
        using var client = gateway.Factory.CreateClient(role);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.Backend.Should().Be(service);
        seen.Path.Should().Be(path);
        seen.Method.Should().Be("GET");
        GatewayFactory.ServiceNames.Where(other => other != service)
            .Should().OnlyContain(other => !gateway.Backend(other).SawPath(path));
    }

    [Fact]
    public async Task ProxyRequest_WithBody_ForwardsMethodAndForwardedHeaders()
    {
        var path = $"/api/scheduling/appointments/{Guid.NewGuid()}/check-in";
        using var client = gateway.Factory.CreateClient(Roles.FrontDesk);

        var response = await client.PostAsJsonAsync(path, new { room = "3" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.Method.Should().Be("POST");
        seen.Path.Should().Be(path);
        seen.ForwardedProto.Should().Be("http");
        seen.ForwardedHost.Should().Be("localhost");
    }

    [Fact]
    public async Task ProxyRequest_UnknownPrefix_Answers404AndReachesNoService()
    {
        var path = $"/api/pharmacy/{Guid.NewGuid()}";
        using var client = gateway.Factory.CreateClient(Roles.Ops);

        var response = await client.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        GatewayFactory.ServiceNames.Should().OnlyContain(service => !gateway.Backend(service).SawPath(path));
    }
}
