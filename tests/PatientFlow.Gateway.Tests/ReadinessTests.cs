using System.Text.Json;

namespace PatientFlow.Gateway.Tests;

public class ReadinessTests
{
    [Fact]
    public async Task CheckReadiness_EveryServiceAnswers_Healthy200ListingEachService()
    {
        await using var backend = await StandInBackend.StartAsync("any");
        await using var factory = new GatewayFactory(Everything(backend.Address));

        var (status, body) = await ReadinessAsync(factory);

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("Healthy");
        foreach (var service in GatewayFactory.ServiceNames)
        {
            Check(body, service).Should().Be("Healthy");
        }
    }

    [Fact]
    public async Task CheckReadiness_OneServiceDown_Unhealthy503NamingIt()
    {
        await using var backend = await StandInBackend.StartAsync("any");
        var destinations = Everything(backend.Address);
        destinations["lab"] = StandInBackend.UnreachableAddress();
        await using var factory = new GatewayFactory(destinations);

        var (status, body) = await ReadinessAsync(factory);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        Check(body, "lab").Should().Be("Unhealthy");
        Check(body, "scheduling").Should().Be("Healthy");
    }

    [Fact]
    public async Task CheckReadiness_ServiceAnswersUnhealthy_Unhealthy503()
    {
        await using var backend = await StandInBackend.StartAsync("any");
        await using var sick = await StandInBackend.StartAsync("billing", readiness: "Unhealthy");
        var destinations = Everything(backend.Address);
        destinations["billing"] = sick.Address;
        await using var factory = new GatewayFactory(destinations);

        var (status, body) = await ReadinessAsync(factory);

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        Check(body, "billing").Should().Be("Unhealthy");
    }

    [Fact]
    public async Task CheckReadiness_ServiceAnswersDegraded_Degraded200()
    {
        await using var backend = await StandInBackend.StartAsync("any");
        await using var degraded = await StandInBackend.StartAsync("tracking", readiness: "Degraded");
        var destinations = Everything(backend.Address);
        destinations["tracking"] = degraded.Address;
        await using var factory = new GatewayFactory(destinations);

        var (status, body) = await ReadinessAsync(factory);

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("Degraded");
        Check(body, "tracking").Should().Be("Degraded");
        Check(body, "intake").Should().Be("Healthy");
    }

    private static Dictionary<string, Uri> Everything(Uri address) =>
        GatewayFactory.ServiceNames.ToDictionary(service => service, _ => address);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadinessAsync(GatewayFactory factory)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static string? Check(JsonElement body, string service) =>
        body.GetProperty("checks").GetProperty(service).GetProperty("status").GetString();
}
