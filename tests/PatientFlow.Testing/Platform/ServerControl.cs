using Npgsql;

namespace PatientFlow.Testing.Platform;

/// <summary>Crash, restart and freeze a server the platform runs (PostgreSQL, RabbitMQ), by its process in the model.</summary>
public sealed class ServerControl(TestPlatform platform, string resource)
{
    private int? paused;

    /// <summary>SIGKILL to the server and every process it started, as a crash or an OOM kill would; returns once Aspire saw it exit.</summary>
    public Task KillAsync()
    {
        Resume();
        return platform.KillAsync(resource);
    }

    /// <summary>Starts the server again, on the same port and data, and waits until it is healthy.</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        await platform.StartAsync(resource, ct);
        // Connections pooled in this process before the crash are dead; drop them rather than hand them out.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>SIGSTOP to the server and its children: its sockets stay open but nothing answers.</summary>
    public void Pause()
    {
        var pid = platform.ProcessId(resource);
        ProcessTree.Signal(pid, ProcessTree.SigStop);
        paused = pid;
    }

    public void Resume()
    {
        if (paused is { } pid)
        {
            ProcessTree.Signal(pid, ProcessTree.SigCont);
            paused = null;
        }
    }
}
