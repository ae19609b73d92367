using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// Unhealthy when the broker has not answered a probe for a while (down or frozen): the relay cannot
/// publish and consumers receive nothing, so the instance reports itself unready. Degraded, with the
/// counts, when messages wait in the error or dead-letter queue for an operator.
/// </summary>
public sealed class MessagingHealthCheck(BrokerMonitor monitor, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Silence = BrokerMonitor.Interval + BrokerMonitor.Timeout + TimeSpan.FromSeconds(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = monitor.Latest;
        var data = probe.Depths.ToDictionary(depth => depth.Key, depth => (object)depth.Value);
        if (probe.LastAnsweredAt is not { } answered || clock.GetUtcNow() - answered > Silence)
        {
            var since = probe.LastAnsweredAt is { } last ? $"since {last:O}" : "since start";
            return Task.FromResult(HealthCheckResult.Unhealthy($"broker not answering {since} ({probe.Problem})", data: data));
        }

        var waiting = monitor.Queues.Skip(1).Where(queue => probe.Depths.GetValueOrDefault(queue) > 0).ToArray();
        return Task.FromResult(waiting.Length > 0
            ? HealthCheckResult.Degraded($"messages waiting for an operator in {string.Join(", ", waiting)}", data: data)
            : HealthCheckResult.Healthy("broker answering; error and dead-letter queues empty", data: data));
    }
}
