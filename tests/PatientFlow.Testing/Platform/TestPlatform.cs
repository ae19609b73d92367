extern alias apphost;

using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using apphost::PatientFlow.AppHost.Launching;
using apphost::PatientFlow.AppHost.Infrastructure;

namespace PatientFlow.Testing.Platform;

/// <summary>What a test asks of the platform it starts.</summary>
public sealed record PlatformSettings(string Label)
{
    /// <summary>Processes per business service.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Settings every PatientFlow process receives, e.g. a shared clock or shorter board thresholds.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Only PostgreSQL and RabbitMQ.</summary>
    public bool InfrastructureOnly { get; init; }
}

/// <summary>
/// The app host's model, started with Aspire.Hosting.Testing exactly as <c>./run.sh</c> starts it, on a data folder of
/// its own and free ports. Every resource's output goes to one log file, each line prefixed with the resource's id.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly DistributedApplication app;
    private readonly string dataDirectory;
    private readonly StreamWriter log;
    private readonly ConcurrentDictionary<string, ResourceEvent> latest = new();
    private readonly ConcurrentBag<Task> followers = [];
    private readonly CancellationTokenSource stopping = new();
    private bool keepLog;

    private TestPlatform(DistributedApplication app, string dataDirectory, string logPath)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        LogPath = logPath;
        log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public string LogPath { get; }

    public Uri GatewayUrl => Endpoint("gateway", "http");

    /// <summary>The gateway's HTTP/2 port for gRPC (the integrators' feed).</summary>
    public Uri GatewayGrpcUrl => Endpoint("gateway", "grpc");

    public ServerControl Postgres => new(this, "postgres");

    public ServerControl RabbitMq => new(this, "rabbitmq");

    public string RabbitMqConnectionString { get; private set; } = "";

    public string? RabbitMqManagementUrl { get; private set; }

    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>The JWT signing key the platform's processes share (kept in its data folder), for tests that mint tokens themselves.</summary>
    public string SigningKey => File.ReadAllText(Path.Combine(dataDirectory, "auth", "signing-key")).Trim();

    public static async Task<TestPlatform> StartAsync(PlatformSettings settings, CancellationToken ct)
    {
        var data = Path.Combine(Path.GetTempPath(), $"patientflow-{settings.Label}-{Guid.NewGuid():N}");
        string[] args = settings.InfrastructureOnly
            ? ["--data", data, "--infrastructure-only", "--env-file", Path.Combine(data, "servers.env")]
            : ["--data", data, "--port", "0", "--replicas", settings.Replicas.ToString(CultureInfo.InvariantCulture)];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(typeof(LaunchOptions), args, (options, _) => options.DisableDashboard = true, ct);
        // Resource output goes to the log file, not the test's console, where it would bury failure messages.
        builder.Services.AddLogging(logging => logging.ClearProviders());
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project);
            foreach (var (key, value) in settings.Environment)
            {
                resource.WithEnvironment(key, value);
            }
        }

        var platform = new TestPlatform(await builder.BuildAsync(ct), data, data + ".log");
        try
        {
            platform.Follow();
            await platform.app.StartAsync(ct);
            platform.PostgresConnectionString = await platform.app.GetConnectionStringAsync("postgres", ct) ?? "";
            platform.RabbitMqConnectionString = await platform.app.GetConnectionStringAsync("rabbitmq", ct) ?? "";
            var resources = platform.app.Services.GetRequiredService<DistributedApplicationModel>().Resources;
            if (resources.OfType<LocalRabbitMqResource>().SingleOrDefault() is { } rabbit)
            {
                platform.RabbitMqManagementUrl = await rabbit.ManagementUrl.GetValueAsync(ct);
            }

            foreach (var resource in resources.Where(r => r is ProjectResource or LocalRabbitMqResource))
            {
                await platform.app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, ct);
            }

            return platform;
        }
        catch (Exception stopped) when ((stopped is OperationCanceledException && ct.IsCancellationRequested) || stopped is DistributedApplicationException)
        {
            // Which resource held the start up or failed, and what it said last; the log stays for the rest. The resources
            // not ready come first: a test report may show only the start of the message.
            var waiting = platform.NotReady();
            var notReady = waiting.Count == 0 ? "none" : string.Join(", ", waiting.Select(platform.StateOf));
            var states = platform.States();
            var tail = string.Join(System.Environment.NewLine, waiting.Take(3).Select(id => $"-- {id}:{System.Environment.NewLine}{platform.Tail(id, lines: 30)}"));
            platform.keepLog = true;
            await platform.DisposeAsync();
            var message = $"The platform did not start ({stopped.Message}). Not ready: {notReady}. " +
                $"All: {states}.{System.Environment.NewLine}" +
                $"Last lines of what was not ready, from {platform.LogPath}:{System.Environment.NewLine}{tail}{System.Environment.NewLine}" +
                $"Last lines of everything:{System.Environment.NewLine}{platform.Tail(lines: 40)}";
            throw stopped is DistributedApplicationException ? new InvalidOperationException(message, stopped) : new TimeoutException(message, stopped);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>The processes of a resource by their ids in the model (<c>tracking-abcd1234</c>), one per replica.</summary>
    public IReadOnlyList<string> InstancesOf(string resource) =>
        [.. latest.Values.Where(e => e.Resource.Name == resource).Select(e => e.ResourceId).Order()];

    public Uri Endpoint(string resource, string endpoint) => app.GetEndpoint(resource, endpoint);

    public Task<string?> ConnectionStringAsync(string resource, CancellationToken ct = default) => app.GetConnectionStringAsync(resource, ct).AsTask();

    /// <summary>SIGKILL to a process (an instance id) or every process of a resource, and everything it started, as a crash would.</summary>
    public async Task KillAsync(string name)
    {
        var instances = Instances(name);
        foreach (var instance in instances)
        {
            ProcessTree.Signal(ProcessId(instance), ProcessTree.SigKill);
        }

        await Task.WhenAll(instances.Select(instance => WaitForAsync(instance, e => e.Snapshot.State?.Text != KnownResourceStates.Running, CancellationToken.None)));
    }

    /// <summary>Waits until the process, or every process of the resource, runs and is healthy again, e.g. after <see cref="KillAsync"/>.</summary>
    public Task WaitUntilReadyAsync(string name, CancellationToken ct = default) =>
        Task.WhenAll(Instances(name).Select(instance => WaitForAsync(instance, IsHealthy, ct)));

    /// <summary>
    /// <see cref="WaitUntilReadyAsync(string, CancellationToken)"/> for at most <paramref name="within"/>; past it, a
    /// <see cref="TimeoutException"/> that says what every resource was doing and what this one wrote last, and the log is kept.
    /// </summary>
    public async Task WaitUntilReadyAsync(string name, TimeSpan within)
    {
        using var limit = new CancellationTokenSource(within);
        try
        {
            await WaitUntilReadyAsync(name, limit.Token);
        }
        catch (OperationCanceledException late) when (limit.IsCancellationRequested)
        {
            keepLog = true;
            throw new TimeoutException(
                $"{name} was not ready within {within.TotalSeconds:0} s. Resources: {States()}.{System.Environment.NewLine}" +
                $"Last lines of {name} in {LogPath}:{System.Environment.NewLine}{Tail(name, lines: 80)}", late);
        }
    }

    /// <summary>Starts a stopped or crashed resource again (Aspire's start command) and waits until it is healthy.</summary>
    internal async Task StartAsync(string name, CancellationToken ct)
    {
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        foreach (var instance in Instances(name))
        {
            var result = await commands.ExecuteCommandAsync(instance, KnownResourceCommands.StartCommand, ct);
            if (!result.Success)
            {
                throw new InvalidOperationException($"Starting {instance} failed: {result.Message}");
            }
        }

        await WaitUntilReadyAsync(name, ct);
    }

    internal int ProcessId(string name)
    {
        var instance = Instances(name).Single();
        return latest[instance].Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            var other => throw new InvalidOperationException($"{instance} has no process id (it is {latest[instance].Snapshot.State?.Text}; pid {other}).")
        };
    }

    /// <summary>The last lines one resource wrote (all resources when null), for a failure message.</summary>
    public string Tail(string? source = null, int lines = 60) => string.Join(System.Environment.NewLine, LogLines()
        .Where(line => source is null || line.StartsWith(source, StringComparison.Ordinal))
        .Where(line => !line.Contains("Request rejected", StringComparison.Ordinal) && !line.Contains("ProblemExceptionHandler", StringComparison.Ordinal))
        .TakeLast(lines));

    public IReadOnlyList<string> LogLines()
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n');
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await app.StopAsync(limit.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
        {
        }

        await app.DisposeAsync();
        await stopping.CancelAsync();
        await Task.WhenAll(followers).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        lock (log)
        {
            log.Dispose();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
            if (!keepLog)
            {
                File.Delete(LogPath);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Each resource's state and health as last seen, for a failure message.</summary>
    private string States() => string.Join(", ", latest.Keys.Order().Select(StateOf));

    private string StateOf(string resourceId) => latest.TryGetValue(resourceId, out var e)
        ? $"{resourceId} {e.Snapshot.State?.Text ?? "-"}/{e.Snapshot.HealthStatus?.ToString() ?? "-"}"
        : $"{resourceId} unseen";

    /// <summary>The processes the start waits for that are not running and healthy (a resource started only on request is not waited for).</summary>
    private IReadOnlyList<string> NotReady() => [.. latest.Values
        .Where(e => e.Snapshot.State?.Text != KnownResourceStates.NotStarted && !IsHealthy(e))
        .Where(e => !(e.Snapshot.State?.Text == KnownResourceStates.Finished && e.Snapshot.ExitCode == 0))
        .Select(e => e.ResourceId).Order()];

    private static bool IsHealthy(ResourceEvent e) =>
        e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    private IReadOnlyList<string> Instances(string name) =>
        latest.ContainsKey(name) ? [name] : InstancesOf(name) is { Count: > 0 } instances ? instances : throw new ArgumentException($"No resource or process named '{name}'.", nameof(name));

    private async Task WaitForAsync(string instance, Func<ResourceEvent, bool> condition, CancellationToken ct)
    {
        while (!latest.TryGetValue(instance, out var current) || !condition(current))
        {
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Tracks every resource's state and copies its output into the log, from before the platform starts.</summary>
    private void Follow()
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        followers.Add(Task.Run(async () =>
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(stopping.Token))
            {
                if (latest.TryAdd(update.ResourceId, update))
                {
                    followers.Add(CopyOutputAsync(loggers, update.ResourceId));
                }

                latest[update.ResourceId] = update;
            }
        }).ContinueWith(_ => { }, TaskScheduler.Default));
    }

    private async Task CopyOutputAsync(ResourceLoggerService loggers, string resourceId)
    {
        try
        {
            await foreach (var batch in loggers.WatchAsync(resourceId).WithCancellation(stopping.Token))
            {
                lock (log)
                {
                    foreach (var line in batch)
                    {
                        log.WriteLine($"{resourceId} | {line.Content}");
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
