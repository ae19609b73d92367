using Npgsql;

namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ for a local run: started as child processes on free loopback ports,
/// or taken from external connection strings. Disposing stops what was started.
/// </summary>
public sealed class LocalInfrastructure : IAsyncDisposable
{
    private readonly DataDirectoryLock dataLock;
    private readonly PostgresServer? postgres;
    private readonly RabbitMqServer? rabbitMq;
    private readonly RabbitMqManagement? management;

    private LocalInfrastructure(
        DataDirectoryLock dataLock, LocalInfrastructureOptions options, PostgresServer? postgres, RabbitMqServer? rabbitMq)
    {
        this.dataLock = dataLock;
        this.postgres = postgres;
        this.rabbitMq = rabbitMq;
        PostgresConnectionString = postgres?.ConnectionString ?? options.PostgresConnectionString!;
        RabbitMqConnectionString = rabbitMq?.ConnectionString ?? options.RabbitMqConnectionString!;
        var amqp = new UriBuilder(RabbitMqConnectionString);
        var (user, password) = (Uri.UnescapeDataString(amqp.UserName), Uri.UnescapeDataString(amqp.Password));
        management = rabbitMq?.Management
            ?? (options.RabbitMqManagementUrl is { } url ? RabbitMqManagement.FromUrl(url, user, password) : null);
        RabbitMqManagementUrl = management?.BaseUrl;
    }

    public bool PostgresIsExternal => postgres is null;

    public bool RabbitMqIsExternal => rabbitMq is null;

    /// <summary>Server-level: database <c>postgres</c>, superuser.</summary>
    public string PostgresConnectionString { get; }

    /// <summary><c>amqp://user:pass@127.0.0.1:port/</c>, the default virtual host.</summary>
    public string RabbitMqConnectionString { get; }

    /// <summary>The management UI and API, without credentials; null for an external broker given without one.</summary>
    public Uri? RabbitMqManagementUrl { get; }

    /// <summary>Crash, restart and freeze the PostgreSQL this process started (fault tests, drills).</summary>
    public ServerControl Postgres => postgres?.Control
        ?? throw new InvalidOperationException("PostgreSQL is external: it has no fault controls here.");

    /// <summary>Crash, restart and freeze the RabbitMQ this process started (fault tests, drills).</summary>
    public ServerControl RabbitMq => rabbitMq?.Control
        ?? throw new InvalidOperationException("RabbitMQ is external: it has no fault controls here.");

    public static async Task<LocalInfrastructure> StartAsync(LocalInfrastructureOptions options, CancellationToken cancellationToken = default)
    {
        var data = Path.GetFullPath(options.DataDirectory);
        var dataLock = DataDirectoryLock.Acquire(data);
        try
        {
            var pids = Path.Combine(data, "pids");
            await PidFile.StopLeftoversAsync(pids, line => options.Log?.Invoke("infrastructure", line));
            var postgres = options.PostgresConnectionString is null
                ? PostgresServer.StartAsync(Path.Combine(data, "postgres"), pids, Logger(options, "postgres"), cancellationToken)
                : Task.FromResult<PostgresServer>(null!);
            var rabbitMq = options.RabbitMqConnectionString is null
                ? RabbitMqServer.StartAsync(Path.Combine(data, "rabbitmq"), pids, Logger(options, "rabbitmq"), cancellationToken)
                : Task.FromResult<RabbitMqServer>(null!);
            try
            {
                await Task.WhenAll(postgres, rabbitMq);
            }
            catch
            {
                // Both have settled: stop whichever did start before reporting the failure.
                await StopAsync(postgres.IsCompletedSuccessfully ? postgres.Result : null, rabbitMq.IsCompletedSuccessfully ? rabbitMq.Result : null);
                throw;
            }

            return new LocalInfrastructure(dataLock, options, postgres.Result, rabbitMq.Result);
        }
        catch
        {
            dataLock.Dispose();
            throw;
        }
    }

    /// <summary>Creates the database if missing (safe under concurrent callers) and returns a connection string for it.</summary>
    public Task<string> EnsureDatabaseAsync(string database, CancellationToken ct = default) =>
        PostgresDatabases.EnsureAsync(PostgresConnectionString, database, ct);

    /// <summary>Creates the virtual host through the management API, grants our user on it, and returns its amqp connection string.</summary>
    public async Task<string> EnsureVirtualHostAsync(string vhost, CancellationToken ct = default)
    {
        if (management is null)
        {
            throw new InvalidOperationException(
                "The external RabbitMQ was given without a management URL (ConnectionStrings:rabbitmq-management), so virtual hosts cannot be created.");
        }

        var amqp = new UriBuilder(RabbitMqConnectionString);
        await management.EnsureVirtualHostAsync(vhost, Uri.UnescapeDataString(amqp.UserName), ct);
        amqp.Path = "/" + Uri.EscapeDataString(vhost);
        return amqp.Uri.AbsoluteUri;
    }

    /// <summary>Deletes a virtual host made by <see cref="EnsureVirtualHostAsync"/>, with its queues: what a finished test leaves behind.</summary>
    public Task DeleteVirtualHostAsync(string vhost, CancellationToken ct = default) =>
        management is null
            ? throw new InvalidOperationException("The external RabbitMQ was given without a management URL (ConnectionStrings:rabbitmq-management).")
            : management.DeleteVirtualHostAsync(vhost, ct);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(postgres, rabbitMq);
        if (rabbitMq is null)
        {
            management?.Dispose();
        }

        dataLock.Dispose();
    }

    private static async Task StopAsync(PostgresServer? postgres, RabbitMqServer? rabbitMq) =>
        await Task.WhenAll(
            postgres is null ? Task.CompletedTask : postgres.DisposeAsync().AsTask(),
            rabbitMq is null ? Task.CompletedTask : rabbitMq.DisposeAsync().AsTask());

    private static Action<string> Logger(LocalInfrastructureOptions options, string source) =>
        line => options.Log?.Invoke(source, line);
}
