using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatientFlow.AppHost.Launching;

/// <summary>
/// Sees a starting resource become ready within a quarter of a second. Aspire samples a resource that is not yet healthy
/// after 1, 2, 3, 4, then every 5 s, so a stage ready at 6.1 s is seen at 10 s; with a chain of stages (servers,
/// services, gateway) those gaps add up to seconds of a start. Until a check has first passed, each call here keeps
/// probing for a while before it reports; once a check has passed, it is sampled as Aspire does, so a failure later is
/// reported at once.
/// </summary>
public static class ReadinessWatch
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static IDistributedApplicationBuilder WithReadinessWatch(this IDistributedApplicationBuilder builder)
    {
        var passed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                var check = registration.Factory;
                var name = registration.Name;
                registration.Factory = services => new UntilFirstPass(check(services), () => passed.ContainsKey(name), () => passed[name] = true);
            }
        });
        return builder;
    }

    private sealed class UntilFirstPass(IHealthCheck check, Func<bool> hasPassed, Action pass) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var result = await check.CheckHealthAsync(context, cancellationToken);
            var watching = Stopwatch.StartNew();
            while (result.Status != HealthStatus.Healthy && !hasPassed() && watching.Elapsed < Patience)
            {
                await Task.Delay(ProbeEvery, cancellationToken);
                result = await check.CheckHealthAsync(context, cancellationToken);
            }

            if (result.Status == HealthStatus.Healthy)
            {
                pass();
            }

            return result;
        }
    }
}
