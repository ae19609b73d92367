using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.AppHost.Launching;

/// <summary>
/// One console line whenever a resource's state or health changes ("scheduling-x2f: Running, Healthy"), so a terminal
/// shows what the dashboard shows while the platform comes up, and why a resource is stuck.
/// </summary>
public static class ConsoleProgress
{
    public static IDistributedApplicationBuilder WithConsoleProgress(this IDistributedApplicationBuilder builder)
    {
        // From before the orchestrator starts: hosted services would start only once every resource was created.
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            // Beside the dashboard only: under test (no dashboard) the output would bury the tests' own.
            if (start.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard)
            {
                return Task.CompletedTask;
            }

            var lifetime = start.Services.GetRequiredService<IHostApplicationLifetime>();
            var printing = PrintAsync(start.Services.GetRequiredService<ResourceNotificationService>(), lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task PrintAsync(ResourceNotificationService notifications, CancellationToken stoppingToken)
    {
            var shown = new Dictionary<string, string>();
            try
            {
                await foreach (var update in notifications.WatchAsync(stoppingToken))
                {
                    if (update.Snapshot.IsHidden || update.Resource is ParameterResource)
                    {
                        continue;
                    }

                    var state = update.Snapshot.State?.Text is { Length: > 0 } text ? text : "Unknown";
                    var line = update.Snapshot.HealthStatus is { } health && state == KnownResourceStates.Running ? $"{state}, {health}" : state;
                    if (update.Snapshot.ExitCode is { } code)
                    {
                        line += $" (exit code {code})";
                    }

                    if (shown.GetValueOrDefault(update.ResourceId) != line)
                    {
                        shown[update.ResourceId] = line;
                        Console.WriteLine($"{update.ResourceId}: {line}");
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
    }
}
