using RabbitMQ.Client;

namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// A RabbitMQ node under <c>&lt;data&gt;/rabbitmq</c> with the management plugin, its own epmd,
/// every listener on 127.0.0.1, and a generated user in place of guest. Its data survives restarts.
/// </summary>
internal sealed class RabbitMqServer : IAsyncDisposable
{
    public const string User = "patientflow";

    // A fixed node name keeps the same mnesia folder across runs; our private epmd keeps it from
    // clashing with other nodes on the machine.
    private const string NodeName = "patientflow@localhost";

    private readonly ChildProcess epmd;
    private readonly ChildProcessSpec spec;
    private readonly string connectionString;
    private readonly RabbitMqManagement management;
    private readonly Action<string> log;
    private ChildProcess broker;

    private RabbitMqServer(ChildProcess epmd, ChildProcessSpec spec, string connectionString, RabbitMqManagement management, Action<string> log)
    {
        this.epmd = epmd;
        this.spec = spec;
        this.connectionString = connectionString;
        this.management = management;
        this.log = log;
        broker = ChildProcess.Start(spec);
        Control = new ServerControl("RabbitMQ", () => broker, RestartAsync);
    }

    public string ConnectionString => connectionString;

    public RabbitMqManagement Management => management;

    public ServerControl Control { get; }

    public static async Task<RabbitMqServer> StartAsync(string folder, string pidFolder, Action<string> log, CancellationToken ct)
    {
        foreach (var sub in new[] { "home", "mnesia", "logs" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var password = Secret.ReadOrCreate(Path.Combine(folder, "password"));
        var (amqpPort, managementPort, distPort, epmdPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        WriteConfiguration(folder, amqpPort, managementPort, password);

        var epmd = await Epmd.StartAsync(epmdPort, pidFolder, log, ct);
        var spec = new ChildProcessSpec("rabbitmq", "/usr/lib/rabbitmq/bin/rabbitmq-server", [])
        {
            Environment = Environment(folder, amqpPort, distPort, epmdPort),
            WorkingDirectory = folder,
            PidFile = new PidFile(Path.Combine(pidFolder, "rabbitmq.pid")),
            Output = log,
        };
        var connectionString = $"amqp://{User}:{password}@127.0.0.1:{amqpPort}/";
        var management = new RabbitMqManagement(new Uri($"http://127.0.0.1:{managementPort}/"), User, password);
        var server = new RabbitMqServer(epmd, spec, connectionString, management, log);
        try
        {
            await server.WaitUntilAnsweringAsync(ct);
            log($"ready on 127.0.0.1:{amqpPort} (management {managementPort}) after {started.Elapsed.TotalSeconds:0.0} s");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Control.Resume();
        management.Dispose();
        await broker.StopAsync(TimeSpan.FromSeconds(30));
        await epmd.StopAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>After a crash: the same node name, ports and mnesia folder, so durable queues and their messages come back.</summary>
    private async Task RestartAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        broker = ChildProcess.Start(spec);
        await WaitUntilAnsweringAsync(ct);
        log($"ready again after {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static void WriteConfiguration(string folder, int amqpPort, int managementPort, string password)
    {
        File.WriteAllText(Path.Combine(folder, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{amqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {managementPort}
            default_user = {User}
            default_pass = {password}
            default_user_tags.administrator = true
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            log.console.level = warning
            """);
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[rabbitmq_management].\n");
    }

    private static Dictionary<string, string?> Environment(string folder, int amqpPort, int distPort, int epmdPort) => new()
    {
        ["HOME"] = Path.Combine(folder, "home"), // Erlang keeps its cookie here
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(),
        ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "logs"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        // Makes the start script exec erl, so the pid we hold is beam.smp and SIGTERM stops it cleanly.
        ["RUNNING_UNDER_SYSTEMD"] = "1",
        ["NOTIFY_SOCKET"] = null,
    };

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            while (!await AmqpAnswersAsync(timeout.Token) || !await management.AnswersAsync(timeout.Token))
            {
                if (broker.HasExited)
                {
                    throw new InvalidOperationException($"RabbitMQ exited during start-up:{System.Environment.NewLine}{broker.RecentOutput}");
                }

                await Task.Delay(250, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"RabbitMQ did not answer within 120 s:{System.Environment.NewLine}{broker.RecentOutput}");
        }
    }

    private async Task<bool> AmqpAnswersAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(ct);
            await connection.CloseAsync(ct);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return false;
        }
    }
}
