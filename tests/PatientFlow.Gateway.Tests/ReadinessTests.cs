using PatientFlow.ServiceDefaults;

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
        body.Status.Should().Be("Healthy");
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
        body.Status.Should().Be("Unhealthy");
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
        body.Status.Should().Be("Degraded");
        Check(body, "tracking").Should().Be("Degraded");
        Check(body, "intake").Should().Be("Healthy");
    }

    [Fact]
    public async Task CheckReadiness_AuditReportsDown_Degraded200TheCarePathStaysInService()
    {
        await using var backend = await StandInBackend.StartAsync("any");
        var destinations = Everything(backend.Address);
        destinations["audit"] = StandInBackend.UnreachableAddress();
        await using var factory = new GatewayFactory(destinations);

        var (status, body) = await ReadinessAsync(factory);

        status.Should().Be(HttpStatusCode.OK);
        body.Status.Should().Be("Degraded");
        Check(body, "audit").Should().Be("Degraded");
        Check(body, "scheduling").Should().Be("Healthy");
    }

    /// <summary>Every cluster the gateway checks: the services on the care path and the audit reports.</summary>
    private static Dictionary<string, Uri> Everything(Uri address) =>
        GatewayFactory.ServiceNames.Append("audit").ToDictionary(service => service, _ => address);

    private static async Task<(HttpStatusCode Status, ReadinessAnswer Body)> ReadinessAsync(GatewayFactory factory)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<ReadinessAnswer>(ApiJson.Options))!);
    }

    private static string Check(ReadinessAnswer body, string service) => body.Checks[service].Status;

    /// <summary>What /health/ready answers (an anonymous object written by ServiceDefaults' HealthResponseWriter).</summary>
    private sealed record ReadinessAnswer(string Status, double DurationMs, IReadOnlyDictionary<string, CheckAnswer> Checks);

    private sealed record CheckAnswer(string Status, string? Description);
}
