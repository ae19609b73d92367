using Npgsql;

namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// A PostgreSQL cluster under <c>&lt;data&gt;/postgres</c>: initialised once, then reused on every run,
/// listening on 127.0.0.1 only with scram-sha-256 passwords.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string Superuser = "postgres";

    private readonly ChildProcessSpec spec;
    private readonly string connectionString;
    private readonly Action<string> log;
    private ChildProcess process;

    private PostgresServer(ChildProcessSpec spec, string connectionString, Action<string> log)
    {
        this.spec = spec;
        this.connectionString = connectionString;
        this.log = log;
        process = ChildProcess.Start(spec);
        Control = new ServerControl("PostgreSQL", () => process, RestartAsync);
    }

    public string ConnectionString => connectionString;

    public ServerControl Control { get; }

    public static async Task<PostgresServer> StartAsync(string folder, string pidFolder, Action<string> log, CancellationToken ct)
    {
        var owner = Environment.IsPrivilegedProcess ? UnixUser.Find("postgres") : null;
        if (owner is not null)
        {
            DataFolderAccess.GiveTo(folder, owner, log);
        }

        Directory.CreateDirectory(folder);
        var passwordFile = Path.Combine(folder, "superuser-password");
        var password = Secret.ReadOrCreate(passwordFile, owner);
        var cluster = Path.Combine(folder, "cluster");
        if (!Directory.Exists(cluster))
        {
            await InitialiseAsync(folder, cluster, passwordFile, owner, log, ct);
        }

        var sockets = Path.Combine(folder, "sockets");
        Directory.CreateDirectory(sockets);
        if (owner is not null)
        {
            Posix.ChangeOwner(sockets, owner);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var port = FreePort.Next();
        var spec = Command(owner, "postgres", folder, log,
            "-D", cluster, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={sockets}",
            // Six services, two processes each when scaled out, each with its pool and daemon connections.
            "-c", "max_connections=500")
            with { StopSignal = StopSignal.Interrupt, PidFile = new PidFile(Path.Combine(pidFolder, "postgres.pid")) };
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = Superuser, Password = password, Database = "postgres",
        }.ConnectionString;
        var server = new PostgresServer(spec, connectionString, log);
        try
        {
            await WaitUntilAnsweringAsync(server.process, connectionString, ct);
            log($"ready on 127.0.0.1:{port} after {started.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            await server.process.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Control.Resume();
        // Pooled idle connections would otherwise be cut mid-shutdown and log errors.
        NpgsqlConnection.ClearAllPools();
        await process.StopAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>After a crash: the same command, port and cluster; PostgreSQL recovers from its WAL.</summary>
    private async Task RestartAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        process = ChildProcess.Start(spec);
        await WaitUntilAnsweringAsync(process, connectionString, ct);
        // Connections pooled in this process before the crash are dead; drop them rather than hand them out.
        NpgsqlConnection.ClearAllPools();
        log($"ready again after {started.Elapsed.TotalSeconds:0.0} s");
    }

    // initdb writes into a scratch folder that is renamed when complete, so an interrupted
    // first run never leaves a half-made cluster that a later run would try to use.
    private static async Task InitialiseAsync(string folder, string cluster, string passwordFile, UnixUser? owner, Action<string> log, CancellationToken ct)
    {
        var scratch = cluster + ".initdb";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        log($"initialising a new cluster in {cluster}");
        await using var initdb = ChildProcess.Start(Command(owner, "initdb", folder, log,
            "-D", scratch, "--username", Superuser, $"--pwfile={passwordFile}", "--auth=scram-sha-256",
            "--encoding=UTF8", "--locale=C", "--no-instructions"));
        var exitCode = await initdb.Exited.WaitAsync(ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed with exit code {exitCode}:{Environment.NewLine}{initdb.RecentOutput}");
        }

        // Password logins over the socket in our folder and over 127.0.0.1; nothing else.
        File.WriteAllText(Path.Combine(scratch, "pg_hba.conf"), """
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            """);
        Directory.Move(scratch, cluster);
        log($"initialised after {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static ChildProcessSpec Command(UnixUser? owner, string program, string folder, Action<string> log, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, program);
        // setpriv execs in place, so the recorded pid is PostgreSQL's own.
        return owner is null
            ? new ChildProcessSpec("postgres", path, arguments) { WorkingDirectory = folder, Output = log }
            : new ChildProcessSpec("postgres", "setpriv", [$"--reuid={owner.Uid}", $"--regid={owner.Gid}", "--init-groups", "--", path, .. arguments])
            {
                WorkingDirectory = folder,
                Output = log,
            };
    }

    private static async Task WaitUntilAnsweringAsync(ChildProcess process, string connectionString, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        try
        {
            while (!await AnswersAsync(probe, timeout.Token))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"PostgreSQL exited during start-up:{Environment.NewLine}{process.RecentOutput}");
                }

                await Task.Delay(100, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"PostgreSQL did not answer within 60 s:{Environment.NewLine}{process.RecentOutput}");
        }
    }

    private static async Task<bool> AnswersAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(ct) is 1;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }
}
