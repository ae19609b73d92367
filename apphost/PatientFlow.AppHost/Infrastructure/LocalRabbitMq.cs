using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatientFlow.AppHost.Launching;
using RabbitMQ.Client;

namespace PatientFlow.AppHost.Infrastructure;

/// <summary>A RabbitMQ 3.10 node run as a plain process from Debian's package, with the management plugin.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, ReferenceExpression connectionString, ReferenceExpression managementUrl)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary><c>amqp://patientflow:…@127.0.0.1:port/</c>, the default virtual host.</summary>
    public ReferenceExpression ConnectionStringExpression => connectionString;

    /// <summary><c>http://patientflow:…@127.0.0.1:port/</c>: the management API, for tools that make virtual hosts.</summary>
    public ReferenceExpression ManagementUrl => managementUrl;
}

public static class LocalRabbitMqExtensions
{
    public const string User = "patientflow";
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Epmd = "/usr/bin/epmd";

    // A fixed node name keeps the same mnesia folder across runs; our own epmd keeps it apart from other nodes.
    private const string NodeName = "patientflow@localhost";

    /// <summary>
    /// <c>&lt;data&gt;/rabbitmq</c>: durable queues survive restarts; every listener on 127.0.0.1; a generated user in
    /// place of guest. Erlang's port mapper runs as a resource of its own, so nothing outlives the app host.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        foreach (var (path, package) in new[] { (Server, "rabbitmq-server"), (Epmd, "erlang-base") })
        {
            if (!File.Exists(path))
            {
                throw new LaunchException($"RabbitMQ is not installed ({path} is missing): apt-get install {package}");
            }
        }

        var folder = Path.Combine(dataDirectory, "rabbitmq");
        foreach (var sub in new[] { "home", "mnesia", "logs" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var secret = Secret.ReadOrCreate(Path.Combine(folder, "password"));
        var password = builder.AddParameter($"{name}-password", secret, secret: true);
        var (amqp, management, distribution, epmdPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        WriteConfiguration(folder, amqp, management, secret);

        var epmd = builder.AddExecutable($"{name}-epmd", Epmd, folder, "-port", $"{epmdPort}", "-address", "127.0.0.1")
            .WithIconName("PlugConnected");
        var connectionString = ReferenceExpression.Create($"amqp://{User}:{password.Resource}@127.0.0.1:{amqp.ToString()}/");
        var managementUrl = ReferenceExpression.Create($"http://{User}:{password.Resource}@127.0.0.1:{management.ToString()}/");
        var broker = new LocalRabbitMqResource(name, Server, folder, connectionString, managementUrl);
        var healthKey = $"{name}-answers";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthKey, _ => new RabbitMqAnswers(connectionString, new Uri($"http://127.0.0.1:{management}/api/overview"), secret), null, null));
        var resource = builder.AddResource(broker)
            .WithEndpoint(name: "amqp", scheme: "amqp", port: amqp, targetPort: amqp, isProxied: false)
            .WithHttpEndpoint(name: "management", port: management, targetPort: management, isProxied: false)
            .WithIconName("Mailbox")
            .WithHealthCheck(healthKey)
            .WaitFor(epmd);
        foreach (var (key, value) in Environment(folder, amqp, distribution, epmdPort))
        {
            resource.WithEnvironment(key, value);
        }

        return resource;
    }

    private static void WriteConfiguration(string folder, int amqp, int management, string password)
    {
        File.WriteAllText(Path.Combine(folder, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{amqp}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {management}
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

    private static Dictionary<string, string> Environment(string folder, int amqp, int distribution, int epmd) => new()
    {
        ["HOME"] = Path.Combine(folder, "home"), // Erlang keeps its cookie here
        ["ERL_EPMD_PORT"] = $"{epmd}",
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_PORT"] = $"{amqp}",
        ["RABBITMQ_DIST_PORT"] = $"{distribution}",
        // Never an epmd of its own: one started while ours is stopping would daemonize and outlive the app host.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "logs"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        // Makes the start script exec erl, so the process Aspire watches and signals is beam.smp itself.
        ["RUNNING_UNDER_SYSTEMD"] = "1",
        ["NOTIFY_SOCKET"] = "",
    };

    /// <summary>Healthy once AMQP accepts our user and the management API answers (tools make virtual hosts through it).</summary>
    private sealed class RabbitMqAnswers(ReferenceExpression connectionString, Uri overview, string password) : IHealthCheck
    {
        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri((await connectionString.GetValueAsync(ct))!),
                    AutomaticRecoveryEnabled = false,
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                };
                await using (var connection = await factory.CreateConnectionAsync(ct))
                {
                    await connection.CloseAsync(ct);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, overview);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}")));
                using var response = await Http.SendAsync(request, ct);
                return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"management API: {(int)response.StatusCode}");
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        }
    }
}
