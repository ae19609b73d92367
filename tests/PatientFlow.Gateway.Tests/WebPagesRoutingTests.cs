namespace PatientFlow.Gateway.Tests;

/// <summary>
/// The flow board and analytics pages and their assets are tracking's and open to anyone; the data behind them is
/// not: tracking's API still needs a token, and nothing else outside <c>/api</c> reaches a service.
/// </summary>
public class WebPagesRoutingTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?role=ops&clinic=north")]
    [InlineData("/analytics")]
    [InlineData("/assets/board.js")]
    [InlineData("/assets/analytics.js")]
    [InlineData("/assets/styles.css")]
    public async Task GetPage_WithoutToken_ReachesTrackingWithPathUnchanged(string path)
    {
        using var client = gateway.Factory.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        seen!.Backend.Should().Be("tracking");
        seen.Path.Should().Be(path);
        seen.Authorization.Should().BeNull();
    }

    [Theory]
    [InlineData("/api/tracking/board/stream")]
    [InlineData("/api/tracking/analytics")]
    public async Task GetTrackingApi_WithoutToken_Answers401AndTrackingNotCalled(string api)
    {
        var path = $"{api}?clinic={Guid.NewGuid():N}";
        using var client = gateway.Factory.CreateClient();

        var response = await client.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        gateway.Backend("tracking").SawPath(path).Should().BeFalse();
    }

    [Theory]
    [InlineData("/analytics/export")]
    [InlineData("/admin")]
    [InlineData("/index.html")]
    public async Task GetOtherPath_WithoutToken_Answers404AndReachesNoService(string path)
    {
        using var client = gateway.Factory.CreateClient();

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        GatewayFactory.ServiceNames.Should().OnlyContain(service => !gateway.Backend(service).SawPath(path));
    }

    [Fact]
    public async Task PostToPage_WithoutToken_RefusedAndReachesNoService()
    {
        using var client = gateway.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/analytics", new { });

        response.IsSuccessStatusCode.Should().BeFalse();
        gateway.Backend("tracking").Seen.Should().NotContain(seen => seen.Method == "POST" && seen.Path == "/analytics");
    }
}
