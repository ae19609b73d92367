using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace PatientFlow.Gateway.Health;

/// <summary>
/// Asks a cluster's destinations for their own <c>/health/ready</c>. The service counts as ready when
/// any destination is, since YARP can route there; addresses come from YARP's live configuration. A service off the care
/// path (<paramref name="Optional"/>: the audit reports) that is not ready makes the gateway degraded, never unready: taking
/// the gateway out of service would stop every visit for the privacy officer's reports.
/// </summary>
public sealed class ServiceReadinessCheck(string cluster, IProxyStateLookup proxy, IHttpClientFactory clients, bool Optional = false) : IHealthCheck
{
    public const string HttpClientName = "service-readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(cluster, out var state) || state.Destinations.IsEmpty)
        {
            return HealthCheckResult.Unhealthy($"{cluster}: no destination configured");
        }

        var results = await Task.WhenAll(state.Destinations.Values.Select(destination =>
            ProbeAsync(destination.Model.Config.Health ?? destination.Model.Config.Address, cancellationToken)));
        var best = results.MaxBy(result => result.Status);
        return Optional && best.Status == HealthStatus.Unhealthy
            ? HealthCheckResult.Degraded($"{best.Description} (off the care path)", best.Exception)
            : best;
    }

    private async Task<HealthCheckResult> ProbeAsync(string address, CancellationToken ct)
    {
        var url = new Uri(new Uri(address.EndsWith('/') ? address : address + "/"), "health/ready");
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Unhealthy($"{cluster}: readiness answered {(int)response.StatusCode}");
            }

            return await ReportedStatusAsync(response, ct) == HealthStatus.Degraded
                ? HealthCheckResult.Degraded($"{cluster}: degraded")
                : HealthCheckResult.Healthy($"{cluster}: ready");
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy($"{cluster}: unreachable", exception);
        }
    }

    // Degraded still answers 200, so only the body (ServiceDefaults' health writer) tells it apart.
    private static async Task<HealthStatus?> ReportedStatusAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return json.RootElement.TryGetProperty("status", out var status)
                && Enum.TryParse<HealthStatus>(status.GetString(), ignoreCase: true, out var parsed)
                    ? parsed
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
