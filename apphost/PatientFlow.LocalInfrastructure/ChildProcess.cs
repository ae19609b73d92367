using System.Diagnostics;

namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// A child process in its own session, so a Ctrl-C in the terminal reaches only us and we
/// decide the shutdown order. Keeps its last output lines for error messages.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int RecentLineCount = 40;

    // Children still running when our process exits without disposing them (a test host that ends
    // early, an unhandled exception) are asked to stop rather than left orphaned.
    private static readonly HashSet<ChildProcess> Live = [];
    private readonly Process process;
    private readonly ChildProcessSpec spec;
    private readonly Queue<string> recent = new();
    private readonly TaskCompletionSource exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ChildProcessSpec spec)
    {
        this.process = process;
        this.spec = spec;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exit.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        spec.PidFile?.Write(process.Id, spec.StopSignal);
        lock (Live)
        {
            Live.Add(this);
        }

        Exited = WaitForExitAsync();
    }

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllLive();

    public string Name => spec.Name;

    public int Id => process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is drained.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public string RecentOutput
    {
        get { lock (recent) { return string.Join(Environment.NewLine, recent); } }
    }

    public static ChildProcess Start(ChildProcessSpec spec)
    {
        // setsid execs in place (we are not a group leader), so the pid is the real program's.
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(new Process { StartInfo = info }, spec);
    }

    /// <summary>Asks the process to stop, waits up to <paramref name="grace"/>, then kills its whole tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            Posix.Signal(process.Id, (int)spec.StopSignal);
            await Task.WhenAny(Exited, Task.Delay(grace));
        }

        if (!HasExited)
        {
            Kill();
        }

        await Exited;
    }

    /// <summary>Kills the process and its descendants at once, as a crash would.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private async Task<int> WaitForExitAsync()
    {
        await exit.Task;
        // Drain the last output lines, but do not hang if a grandchild still holds the pipe.
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(2)));
        spec.PidFile?.Delete();
        lock (Live)
        {
            Live.Remove(this);
        }

        return process.ExitCode;
    }

    private static void StopAllLive()
    {
        List<ChildProcess> live;
        lock (Live)
        {
            live = [.. Live];
        }

        live.ForEach(child => Posix.Signal(child.Id, (int)child.spec.StopSignal));
        Task.WaitAll([.. live.Select(child => child.Exited)], TimeSpan.FromSeconds(10));
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (recent)
        {
            recent.Enqueue(line);
            if (recent.Count > RecentLineCount)
            {
                recent.Dequeue();
            }
        }

        spec.Output?.Invoke(line);
    }
}
