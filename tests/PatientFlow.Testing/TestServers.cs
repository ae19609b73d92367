using Microsoft.Extensions.Configuration;
using PatientFlow.Testing.Platform;
using PatientFlow.Testing.Servers;

namespace PatientFlow.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ for a test run. <c>./test.sh</c> starts them once (the app host with
/// <c>--infrastructure-only</c>) and passes <c>ConnectionStrings__postgres</c>, <c>ConnectionStrings__rabbitmq</c> and
/// <c>ConnectionStrings__rabbitmq-management</c>; run alone, a test process starts the same two resources of the app
/// host's model for itself and stops them when it exits.
/// </summary>
public static class TestServers
{
    private static readonly Lock Gate = new();
    private static Task<ServerConnections>? _servers;

    /// <param name="owner">Names the folder of servers started for this test process (e.g. the service under test).</param>
    public static Task<ServerConnections> GetAsync(string owner)
    {
        lock (Gate)
        {
            return _servers ??= StartAsync(owner);
        }
    }

    private static async Task<ServerConnections> StartAsync(string owner)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (configuration.GetConnectionString("postgres") is { Length: > 0 } postgres
            && configuration.GetConnectionString("rabbitmq") is { Length: > 0 } rabbitmq)
        {
            return new ServerConnections(postgres, rabbitmq, configuration.GetConnectionString("rabbitmq-management"));
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var platform = await TestPlatform.StartAsync(new PlatformSettings($"tests-{owner}") { InfrastructureOnly = true }, limit.Token);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => platform.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new ServerConnections(platform.PostgresConnectionString, platform.RabbitMqConnectionString, platform.RabbitMqManagementUrl);
    }
}

/// <summary>A server-level PostgreSQL connection and a RabbitMQ broker with its management API, on which each test isolates itself.</summary>
public sealed class ServerConnections(string postgres, string rabbitmq, string? management)
{
    private readonly RabbitMqManagement? _management = management is null ? null
        : RabbitMqManagement.FromUrl(management, Uri.UnescapeDataString(new Uri(rabbitmq).UserInfo.Split(':')[0]), Uri.UnescapeDataString(new Uri(rabbitmq).UserInfo.Split(':', 2)[1]));

    public string PostgresConnectionString => postgres;

    /// <summary><c>amqp://user:pass@127.0.0.1:port/</c>, the default virtual host.</summary>
    public string RabbitMqConnectionString => rabbitmq;

    /// <summary>Creates the database if missing (safe under concurrent callers) and returns a connection string for it.</summary>
    public Task<string> EnsureDatabaseAsync(string database, CancellationToken ct = default) => PostgresDatabases.EnsureAsync(postgres, database, ct);

    /// <summary>Creates the virtual host through the management API, grants our user on it, and returns its amqp connection string.</summary>
    public async Task<string> EnsureVirtualHostAsync(string vhost, CancellationToken ct = default)
    {
        var amqp = new UriBuilder(rabbitmq);
        await Management.EnsureVirtualHostAsync(vhost, Uri.UnescapeDataString(amqp.UserName), ct);
        amqp.Path = "/" + Uri.EscapeDataString(vhost);
        return amqp.Uri.AbsoluteUri;
    }

    /// <summary>Deletes a virtual host made by <see cref="EnsureVirtualHostAsync"/>, with its queues: what a finished test leaves behind.</summary>
    public Task DeleteVirtualHostAsync(string vhost, CancellationToken ct = default) => Management.DeleteVirtualHostAsync(vhost, ct);

    private RabbitMqManagement Management => _management
        ?? throw new InvalidOperationException("RabbitMQ was given without a management URL (ConnectionStrings:rabbitmq-management), so virtual hosts cannot be made.");
}
