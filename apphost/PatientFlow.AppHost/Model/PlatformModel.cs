using Microsoft.Extensions.Configuration;
using PatientFlow.AppHost.Running;
using PatientFlow.AppHost.Terminal;
using PatientFlow.LocalInfrastructure;

namespace PatientFlow.AppHost.Model;

/// <summary>
/// The declared platform. Starting it brings up the infrastructure, then every service as soon as
/// everything it references is ready (independent services in parallel).
/// </summary>
public sealed class PlatformModel(PlatformOptions options, IReadOnlyList<Resource> resources)
{
    public IReadOnlyList<Resource> Resources => resources;

    public async Task<RunningPlatform> StartAsync(CancellationToken ct = default)
    {
        var services = resources.OfType<ServiceResource>().ToList();
        var output = new ConsoleOutput(options.Output, Math.Max(10, services.SelectMany(s => s.InstanceNames).Max(n => n.Length)));
        BuildOutput.EnsureBuilt(options.RepoRoot, services);
        if (options.Fresh)
        {
            await DataFolder.WipeAsync(options.DataDirectory, output);
        }

        output.Progress("starting PostgreSQL and RabbitMQ");
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var servers = options.OwnServers
            ? new LocalInfrastructureOptions { DataDirectory = options.DataDirectory }
            : LocalInfrastructureOptions.FromConfiguration(configuration, options.DataDirectory);
        var infrastructure = await LocalInfrastructure.LocalInfrastructure.StartAsync(servers with { Log = output.Write }, ct);
        var started = new Dictionary<string, SupervisedService>();
        try
        {
            var grpcUrls = GrpcUrls(services);
            var environment = new ServiceEnvironment(options, infrastructure, SigningKey.ReadOrCreate(options.DataDirectory), Urls(services), grpcUrls);
            await StartServicesAsync(services, environment, started, output, ct);
            return new RunningPlatform(infrastructure, started, services, "gateway", output) { GatewayGrpcUrl = grpcUrls.GetValueOrDefault("gateway") };
        }
        catch
        {
            await RunningPlatform.StopServicesAsync(started, services);
            await infrastructure.DisposeAsync();
            throw;
        }
    }

    private async Task StartServicesAsync(
        List<ServiceResource> services, ServiceEnvironment environment, Dictionary<string, SupervisedService> started, ConsoleOutput output, CancellationToken ct)
    {
        // The first failure cancels the others rather than letting them run into their timeouts.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new Dictionary<string, Task>();
        foreach (var service in services)
        {
            // References point at earlier declarations, so their tasks already exist.
            var dependencies = service.ServiceReferences.Select(r => tasks[r.Name]).ToList();
            tasks[service.Name] = StartAfterAsync(service, dependencies);
        }

        await Task.WhenAll(tasks.Values);

        async Task StartAfterAsync(ServiceResource service, List<Task> dependencies)
        {
            try
            {
                await Task.WhenAll(dependencies);
                await Task.WhenAll(service.InstanceNames.Select(async instance =>
                {
                    var spec = new ChildProcessSpec(instance, "dotnet", [BuildOutput.AssemblyPath(options.RepoRoot, service)])
                    {
                        WorkingDirectory = Path.Combine(options.RepoRoot, service.ProjectDirectory),
                        Environment = await environment.ForAsync(service, instance, failed.Token),
                        PidFile = new PidFile(Path.Combine(options.DataDirectory, "pids", $"service-{instance}.pid")),
                        Output = line => output.Write(instance, line),
                    };
                    var supervised = new SupervisedService(instance, spec, environment.Urls[instance], output);
                    output.Progress($"starting {instance}");
                    await supervised.StartAsync(failed.Token);
                    lock (started)
                    {
                        started[instance] = supervised;
                    }
                }));
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }
    }

    /// <summary>A gRPC URL per process of each service that serves gRPC, by instance name.</summary>
    private static Dictionary<string, Uri> GrpcUrls(IEnumerable<ServiceResource> services) => services
        .Where(s => s.ServesGrpc)
        .SelectMany(s => s.InstanceNames.Select(instance => (Service: s, Instance: instance)))
        .ToDictionary(
            x => x.Instance,
            x => x.Service.GrpcPort is > 0 and var port
                ? new Uri($"http://localhost:{port}/")
                : new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

    /// <summary>One URL per process, by instance name.</summary>
    private static Dictionary<string, Uri> Urls(IEnumerable<ServiceResource> services) => services
        .SelectMany(s => s.InstanceNames.Select(instance => (Service: s, Instance: instance)))
        .ToDictionary(
            x => x.Instance,
            // A declared port is for people (curl localhost:8080), so it answers on IPv4 and IPv6 loopback.
            x => x.Service.HttpPort is { } port
                ? new Uri($"http://localhost:{(port > 0 ? port : FreePort.Next())}/")
                : new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
}
