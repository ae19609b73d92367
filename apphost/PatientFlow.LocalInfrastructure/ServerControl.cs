namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// Fault controls for a server this process started: crash it, bring it back on the same port and
/// data, or freeze it. For fault tests and drills; an external server has none.
/// </summary>
public sealed class ServerControl
{
    private readonly string name;
    private readonly Func<ChildProcess?> current;
    private readonly Func<CancellationToken, Task> restart;
    private readonly Lock gate = new();
    private bool paused;

    internal ServerControl(string name, Func<ChildProcess?> current, Func<CancellationToken, Task> restart)
    {
        this.name = name;
        this.current = current;
        this.restart = restart;
    }

    public bool IsRunning => current() is { HasExited: false };

    public bool IsPaused
    {
        get { lock (gate) { return paused; } }
    }

    /// <summary>SIGKILL to the server and every process it started, as a crash or an OOM kill would; returns once they are gone.</summary>
    public async Task KillAsync()
    {
        var process = current() ?? throw new InvalidOperationException($"{name} is not running.");
        Resume();
        process.Kill();
        await process.Exited;
    }

    /// <summary>Starts the server again on the same port(s) and data folder and waits until it answers.</summary>
    public Task RestartAsync(CancellationToken ct)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{name} is still running; kill it first.");
        }

        return restart(ct);
    }

    /// <summary>SIGSTOP to the server's whole process group: its sockets stay open but nothing answers.</summary>
    public void Pause()
    {
        var process = current() ?? throw new InvalidOperationException($"{name} is not running.");
        lock (gate)
        {
            Posix.Signal(-process.Id, Posix.SigStop);
            paused = true;
        }
    }

    /// <summary>SIGCONT to the server's process group.</summary>
    public void Resume()
    {
        lock (gate)
        {
            if (paused && current() is { } process)
            {
                Posix.Signal(-process.Id, Posix.SigCont);
            }

            paused = false;
        }
    }
}
