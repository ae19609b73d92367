using PatientFlow.AppHost.Model;
using PatientFlow.AppHost.Terminal;

namespace PatientFlow.AppHost;

/// <summary>The platform while it runs. Disposing stops every process, dependents before what they depend on.</summary>
public sealed class RunningPlatform : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, Running.SupervisedService> services;
    private readonly IReadOnlyList<ServiceResource> resources;
    private readonly ConsoleOutput output;

    internal RunningPlatform(
        LocalInfrastructure.LocalInfrastructure infrastructure,
        IReadOnlyDictionary<string, Running.SupervisedService> services,
        IReadOnlyList<ServiceResource> resources,
        string gatewayName,
        ConsoleOutput output)
    {
        Infrastructure = infrastructure;
        this.services = services;
        this.resources = resources;
        this.output = output;
        ServiceUrls = resources.ToDictionary(r => r.Name, r => services[r.Name].Url);
        GatewayUrl = ServiceUrls[gatewayName];
    }

    public Uri GatewayUrl { get; }

    /// <summary>Every launched process by name, the gateway included.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceUrls { get; }

    public LocalInfrastructure.LocalInfrastructure Infrastructure { get; }

    /// <summary>Kills one service abruptly, as a crash would; it is restarted as after any unexpected exit.</summary>
    public Task KillAsync(string service) => Service(service).KillAsync();

    /// <summary>Waits until the service answers /health/ready again, e.g. after <see cref="KillAsync"/>.</summary>
    public Task WaitUntilReadyAsync(string service, CancellationToken ct = default) => Service(service).WaitUntilReadyAsync(ct);

    public async ValueTask DisposeAsync()
    {
        output.Progress("stopping");
        await StopServicesAsync(services, resources);
        await Infrastructure.DisposeAsync();
        output.Progress("stopped");
    }

    /// <summary>Stops each service once everything that references it has stopped (the gateway first).</summary>
    internal static async Task StopServicesAsync(
        IReadOnlyDictionary<string, Running.SupervisedService> services, IReadOnlyList<ServiceResource> resources)
    {
        var stops = new Dictionary<string, Task>();
        foreach (var resource in resources.Reverse())
        {
            var dependents = resources.Where(r => r.ServiceReferences.Contains(resource)).Select(r => stops[r.Name]).ToList();
            stops[resource.Name] = StopAfterAsync(dependents, services.GetValueOrDefault(resource.Name));
        }

        await Task.WhenAll(stops.Values);
    }

    private static async Task StopAfterAsync(IEnumerable<Task> dependents, Running.SupervisedService? service)
    {
        await Task.WhenAll(dependents);
        if (service is not null)
        {
            await service.StopAsync();
        }
    }

    private Running.SupervisedService Service(string name) =>
        services.TryGetValue(name, out var service) ? service : throw new ArgumentException($"No service named '{name}'.", nameof(name));
}
