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
        ServiceUrls = resources.SelectMany(r => r.InstanceNames).ToDictionary(instance => instance, instance => services[instance].Url);
        GatewayUrl = ServiceUrls[gatewayName];
    }

    public Uri GatewayUrl { get; }

    /// <summary>The gateway's HTTP/2 port for gRPC (the integrators' feed), when it has one.</summary>
    public Uri? GatewayGrpcUrl { get; init; }

    /// <summary>Every launched process by instance name (the service's name when it runs one process), the gateway included.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceUrls { get; }

    /// <summary>The processes of a service: its own name for one, <c>&lt;service&gt;-1</c>... for more.</summary>
    public IReadOnlyList<string> InstancesOf(string service) =>
        resources.SingleOrDefault(r => r.Name == service)?.InstanceNames ?? throw new ArgumentException($"No service named '{service}'.", nameof(service));

    public LocalInfrastructure.LocalInfrastructure Infrastructure { get; }

    /// <summary>Kills a process (an instance name) or every process of a service abruptly, as a crash would; each is restarted as after any unexpected exit.</summary>
    public Task KillAsync(string name) => Task.WhenAll(Processes(name).Select(process => process.KillAsync()));

    /// <summary>Waits until the process, or every process of the service, answers /health/ready again, e.g. after <see cref="KillAsync"/>.</summary>
    public Task WaitUntilReadyAsync(string name, CancellationToken ct = default) =>
        Task.WhenAll(Processes(name).Select(process => process.WaitUntilReadyAsync(ct)));

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
            var processes = resource.InstanceNames.Select(services.GetValueOrDefault).OfType<Running.SupervisedService>().ToList();
            stops[resource.Name] = StopAfterAsync(dependents, processes);
        }

        await Task.WhenAll(stops.Values);
    }

    private static async Task StopAfterAsync(IEnumerable<Task> dependents, IReadOnlyList<Running.SupervisedService> processes)
    {
        await Task.WhenAll(dependents);
        await Task.WhenAll(processes.Select(process => process.StopAsync()));
    }

    private IReadOnlyList<Running.SupervisedService> Processes(string name)
    {
        if (services.TryGetValue(name, out var process))
        {
            return [process];
        }

        return resources.SingleOrDefault(r => r.Name == name) is { } resource
            ? [.. resource.InstanceNames.Select(instance => services[instance])]
            : throw new ArgumentException($"No service or process named '{name}'.", nameof(name));
    }
}
