using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using PatientFlow.AppHost.Launching;

namespace PatientFlow.AppHost.Infrastructure;

/// <summary>A PostgreSQL 15 server run as a plain process from Debian's package, its cluster kept under the data folder.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal List<LocalDatabaseResource> Databases { get; } = [];

    /// <summary>The superuser on database <c>postgres</c>.</summary>
    public ReferenceExpression ConnectionStringExpression => connectionString;
}

/// <summary>A database on <see cref="LocalPostgresResource"/>, created once the server is ready.</summary>
public sealed class LocalDatabaseResource(string name, string databaseName, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public string DatabaseName => databaseName;

    public LocalPostgresResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{parent.ConnectionStringExpression};Database={databaseName}");
}

public static class LocalPostgresExtensions
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string Superuser = "postgres";

    /// <summary>
    /// <c>&lt;data&gt;/postgres</c>: a cluster made by initdb on first use (a one-shot resource), then reused; listening on
    /// 127.0.0.1 only, scram-sha-256 passwords, the superuser's generated password kept beside it.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
        {
            throw new LaunchException($"PostgreSQL 15 is not installed ({BinDirectory}/postgres is missing): apt-get install postgresql-15");
        }

        var folder = Path.Combine(dataDirectory, "postgres");
        // PostgreSQL refuses to run as root: as root, its folder and processes belong to the postgres account.
        var owner = Environment.IsPrivilegedProcess ? UnixUser.Find("postgres") : null;
        if (owner is not null)
        {
            DataFolderAccess.GiveTo(folder, owner, Console.WriteLine);
        }

        Directory.CreateDirectory(folder);
        var passwordFile = Path.Combine(folder, "superuser-password");
        var password = builder.AddParameter($"{name}-password", Secret.ReadOrCreate(passwordFile, owner), secret: true);
        var sockets = Path.Combine(folder, "sockets");
        Directory.CreateDirectory(sockets);
        if (owner is not null)
        {
            Posix.ChangeOwner(sockets, owner);
        }

        // A fixed port for this run: a server restarted after a crash comes back where its clients look for it.
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // No database named, as Aspire's own server resource: a client lands in the superuser's, and each database resource
        // adds its own name.
        var connectionString = ReferenceExpression.Create($"Host=127.0.0.1;Port={port};Username={Superuser};Password={password.Resource}");
        var (command, prefix) = AsOwner(owner, "postgres");
        var server = builder.AddResource(new LocalPostgresResource(name, command, folder, connectionString))
            .WithArgs([.. prefix, "-D", Path.Combine(folder, "cluster"), "-p", port, "-c", "listen_addresses=127.0.0.1",
                "-c", $"unix_socket_directories={sockets}",
                // Six services, two processes each when scaled out, each with its pool and daemon connections.
                "-c", "max_connections=500"])
            .WithEndpoint(name: "tcp", scheme: "tcp", port: int.Parse(port), targetPort: int.Parse(port), isProxied: false)
            .WithIconName("DatabaseStack")
            .WithHealthCheck(HealthCheck(builder, name, () => Resolve(connectionString)));

        if (!Directory.Exists(Path.Combine(folder, "cluster")))
        {
            server.WaitForCompletion(AddInitdb(builder, $"{name}-init", folder, passwordFile, owner));
        }

        // The databases are made once the server answers (again after a restart: nothing to do then), and only
        // then run, so a service waiting for its database never finds it missing.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (ready, ct) =>
        {
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            var serverConnection = await Resolve(connectionString);
            foreach (var database in server.Resource.Databases)
            {
                await CreateDatabaseAsync(serverConnection, database.DatabaseName, ct);
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            }
        });
        return server;
    }

    /// <summary>A database of its own for a service; healthy once it exists and answers.</summary>
    public static IResourceBuilder<LocalDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name, string databaseName)
    {
        var database = new LocalDatabaseResource(name, databaseName, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(HealthCheck(server.ApplicationBuilder, name, () => Resolve(database.ConnectionStringExpression)));
    }

    // initdb writes into a scratch folder that is renamed when complete, so an interrupted first run never leaves a
    // half-made cluster that a later run would try to use. Logins: passwords over our socket and 127.0.0.1 only.
    private static IResourceBuilder<ExecutableResource> AddInitdb(
        IDistributedApplicationBuilder builder, string name, string folder, string passwordFile, UnixUser? owner)
    {
        const string script = """
            set -e
            rm -rf cluster.initdb
            "$0/initdb" -D cluster.initdb --username postgres --pwfile="$1" --auth=scram-sha-256 --encoding=UTF8 --locale=C --no-instructions
            printf 'local all all scram-sha-256\nhost  all all 127.0.0.1/32 scram-sha-256\n' > cluster.initdb/pg_hba.conf
            mv cluster.initdb cluster
            """;
        var (command, prefix) = AsOwner(owner, "/bin/sh");
        return builder.AddExecutable(name, command, folder, [.. prefix, "-c", script, BinDirectory, passwordFile])
            .WithIconName("DatabaseArrowUp");
    }

    // setpriv execs in place, so the process Aspire watches and signals is PostgreSQL's own.
    private static (string Command, string[] Prefix) AsOwner(UnixUser? owner, string program)
    {
        var path = program.StartsWith('/') ? program : Path.Combine(BinDirectory, program);
        return owner is null
            ? (path, [])
            : ("setpriv", [$"--reuid={owner.Uid}", $"--regid={owner.Gid}", "--init-groups", "--", path]);
    }

    private static async Task<string> Resolve(ReferenceExpression expression) =>
        await expression.GetValueAsync(CancellationToken.None) ?? throw new InvalidOperationException("The connection string has no value.");

    private static string HealthCheck(IDistributedApplicationBuilder builder, string name, Func<Task<string>> connectionString)
    {
        var key = $"{name}-answers";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new PostgresAnswers(connectionString), null, null));
        return key;
    }

    private static async Task CreateDatabaseAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed class PostgresAnswers(Func<Task<string>> connectionString) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var probe = new NpgsqlConnectionStringBuilder(await connectionString()) { Pooling = false, Timeout = 3 }.ConnectionString;
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        }
    }
}
