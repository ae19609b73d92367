using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.Gateway.Tests;

/// <summary>An endpoint that names no policy is closed to the anonymous all the same; only AllowAnonymous opens one.</summary>
public class FallbackPolicyTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    private static void MapTestEndpoints(WebApplication app)
    {
        app.MapGet("/test/forgotten", () => "reached");
        app.MapGet("/test/open", () => "reached").AllowAnonymous();
    }

    [Fact]
    public async Task CallEndpoint_WithoutPolicyAndWithoutToken_Answers401Problem()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints);

        var response = await host.CreateClient().GetAsync("/test/forgotten");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task CallEndpoint_WithoutPolicyWithAnyRole_Answers200(string role)
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints);

        var response = await host.CreateClient(role).GetAsync("/test/forgotten");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CallEndpoint_AllowAnonymousWithoutToken_Answers200()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints);

        var response = await host.CreateClient().GetAsync("/test/open");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CallUnknownPath_WithoutToken_Answers404NotAskingForAToken()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints);

        var response = await host.CreateClient().GetAsync("/test/nothing-here");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>From the gateway's endpoint table: each route names its policy, or opts out on purpose.</summary>
    [Fact]
    public void GatewayEndpoints_EachNamesAPolicyOrIsAKnownAnonymousOne()
    {
        var endpoints = gateway.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Should().NotBeEmpty();
        endpoints.Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(authorize => authorize.Policy is { Length: > 0 }))
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .Should().BeEmpty("a route without a policy would admit any signed-in role");
        endpoints.Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .Should().BeEquivalentTo(
            [
                "/health/live", "/health/ready", "/metrics", "/dev/token",
                "/", "/analytics", "/assets/{**catch-all}", "/api/tracking/catalog/{**catch-all}",
                .. GatewayFactory.ServiceNames.Select(service => $"/api/{service}/openapi/{{**catch-all}}"),
            ]);
    }

    public static TheoryData<string> AllRoles() => [.. Roles.All];
}
