using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PatientFlow.AppHost.Launching;

/// <summary>Marks a resource whose processes are started again when they die without being asked to.</summary>
public sealed class RestartAfterCrashAnnotation : IResourceAnnotation;

/// <summary>
/// A process killed or crashed is started again, as a cluster restarts a pod: Aspire leaves an exited process
/// exited. A process stopped from the dashboard (it passes through Stopping) or by the app host's own shutdown
/// is left alone. Each replica is watched on its own; repeated crashes back off up to 30 s.
/// </summary>
internal sealed class CrashRestarter(
    ResourceNotificationService notifications, ResourceCommandService commands, IHostApplicationLifetime lifetime, ILogger<CrashRestarter> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var states = new Dictionary<string, string?>();
        var crashes = new Dictionary<string, int>();
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (!update.Resource.HasAnnotationOfType<RestartAfterCrashAnnotation>())
            {
                continue;
            }

            var state = update.Snapshot.State?.Text;
            var previous = states.GetValueOrDefault(update.ResourceId);
            states[update.ResourceId] = state;
            if (update.Snapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                crashes.Remove(update.ResourceId);
            }

            if (previous == KnownResourceStates.Running && state is "Exited" or "Finished" && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                var count = crashes[update.ResourceId] = crashes.GetValueOrDefault(update.ResourceId) + 1;
                var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count - 1), MaxBackoff.TotalSeconds));
                logger.LogWarning("{Resource} exited unexpectedly (exit code {ExitCode}); starting it again in {Backoff}",
                    update.ResourceId, update.Snapshot.ExitCode, backoff);
                _ = StartAgainAsync(update.ResourceId, backoff, stoppingToken);
            }
        }
    }

    private async Task StartAgainAsync(string resourceId, TimeSpan backoff, CancellationToken ct)
    {
        try
        {
            await Task.Delay(backoff, ct);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, ct);
            if (!result.Success)
            {
                logger.LogError("Starting {Resource} again failed: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

public static class RestartAfterCrashExtensions
{
    public static IResourceBuilder<T> WithRestartAfterCrash<T>(this IResourceBuilder<T> resource) where T : IResource
    {
        resource.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashRestarter>());
        return resource.WithAnnotation(new RestartAfterCrashAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }
}
