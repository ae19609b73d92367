using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.AppHost.Launching;

/// <summary>
/// Starts the .NET processes a few at a time: as many as the machine has cores. A starting service spends seconds of CPU
/// (its <c>dotnet run</c> wrapper's project evaluation, JIT, the event store's schema check), and processes that start
/// together on two cores stretch each other's start: in paired runs the wrappers alone took 19–28 CPU-seconds with all
/// six services at once and 7–20 two at a time, and the whole start was no faster. A service holds its place from the
/// moment its dependencies are ready until it is healthy, has stopped, or has had <see cref="Patience"/>.
/// </summary>
public static class StartGate
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IDistributedApplicationBuilder WithStartGate(this IDistributedApplicationBuilder builder, int places)
    {
        var gate = new SemaphoreSlim(places);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(async (started, cancellationToken) =>
        {
            if (started.Resource is not ProjectResource project)
            {
                return;
            }

            // Queue only once what it waits for is ready, so a place is never held by a process that cannot start yet.
            var notifications = started.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.WaitForDependenciesAsync(project, cancellationToken);
            await gate.WaitAsync(cancellationToken);
            _ = ReleaseWhenStartedAsync(notifications, project.Name, gate, cancellationToken);
        });
        return builder;
    }

    private static async Task ReleaseWhenStartedAsync(ResourceNotificationService notifications, string name, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            await notifications.WaitForResourceAsync(name, resource =>
                    resource.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ||
                    KnownResourceStates.TerminalStates.Contains(resource.Snapshot.State?.Text),
                cancellationToken).WaitAsync(Patience, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Its place goes to the next one either way.
        }
        finally
        {
            gate.Release();
        }
    }
}
