using System.Text;

namespace PatientFlow.Gateway.Tests;

/// <summary>
/// Production on real sockets: metrics and health only on the internal port, the API only over HTTPS (plain HTTP
/// redirects), HSTS, and request bodies over the limit refused unless the route takes files.
/// </summary>
public class ProductionPortsTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task GetOperationsEndpoint_OnTheInternalPort_Answers200(string path)
    {
        using var client = gateway.CreateClient();

        var response = await client.GetAsync(gateway.Internal(path));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task GetOperationsEndpoint_OnThePublicPort_Answers404(string path)
    {
        using var client = gateway.CreateClient(Roles.Ops);

        var response = await client.GetAsync(gateway.Https(path));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CallApi_OnTheInternalPort_Answers404AndReachesNoService()
    {
        using var client = gateway.CreateClient(Roles.FrontDesk);
        var path = $"/api/scheduling/appointments?probe={Guid.NewGuid():N}";

        var response = await client.GetAsync(gateway.Internal(path));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        gateway.Backend.SawPath(path).Should().BeFalse();
    }

    [Fact]
    public async Task CallApi_OverHttps_ReachesTheServiceWithHsts()
    {
        using var client = gateway.CreateClient(Roles.FrontDesk);
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway.Https("/api/scheduling/appointments"));
        // HSTS is never sent to localhost or a bare loopback address.
        request.Headers.Host = $"patientflow.test:{gateway.HttpsPort}";

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Should().ContainSingle().Which.Should().Contain("max-age=31536000");
    }

    [Fact]
    public async Task GetUnknownPath_OverHttps_404ProblemWithoutServerHeader()
    {
        using var client = gateway.CreateClient();

        var response = await client.GetAsync(gateway.Https("/nothing-here"));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task CallApi_OverPlainHttp_RedirectedToHttpsAndReachesNoService()
    {
        using var client = gateway.CreateClient(Roles.FrontDesk);
        var path = $"/api/scheduling/appointments?probe={Guid.NewGuid():N}";

        var response = await client.GetAsync(gateway.Http(path));

        response.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        response.Headers.Location.Should().Be(gateway.Https(path));
        gateway.Backend.SawPath(path).Should().BeFalse();
    }

    [Fact]
    public async Task ConnectToTheGrpcPort_OverTls_SpeaksHttp2()
    {
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Grpc("/patientflow.tracking.v1.IntegratorFeed/Subscribe"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var response = await client.SendAsync(request);

        response.Version.Should().Be(HttpVersion.Version20);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PostBody_OverOneMegabyte_Answers413ProblemAndReachesNoService()
    {
        using var client = gateway.CreateClient(Roles.FrontDesk);
        var path = $"/api/scheduling/appointments?probe={Guid.NewGuid():N}";
        var body = new StringContent($"{{\"note\":\"{new string('a', 2 * 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");
        // As a careful client sends a large body: the gateway answers from the headers (the declared length) and closes
        // the connection; a client still writing the body then meets a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Https(path)) { Content = body };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        gateway.Backend.SawPath(path).Should().BeFalse();
    }

    [Fact]
    public async Task PostRemittance_OverOneMegabyte_ReachesBilling()
    {
        using var client = gateway.CreateClient(Roles.Billing);
        var path = $"/api/billing/remittances?probe={Guid.NewGuid():N}";
        var file = new StringContent(new string('~', 2 * 1024 * 1024), Encoding.ASCII, "application/edi-x12");

        var response = await client.PostAsync(gateway.Https(path), file);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        gateway.Backend.SawPath(path).Should().BeTrue();
    }
}
