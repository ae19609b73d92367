using PatientFlow.AppHost.Model;
using PatientFlow.AppHost.Terminal;
using PatientFlow.LocalInfrastructure;

namespace PatientFlow.AppHost.Running;

/// <summary>
/// One launched service: started, awaited until ready, and restarted with backoff whenever it
/// exits without being asked to, as a process supervisor would.
/// </summary>
internal sealed class SupervisedService(string name, ChildProcessSpec spec, Uri url, ConsoleOutput output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private ChildProcess current = null!;
    private Task supervision = Task.CompletedTask;

    public string Name => name;

    public Uri Url => url;

    /// <summary>Starts the process and waits for /health/ready; a first start that fails is an error, not a restart.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        current = ChildProcess.Start(spec);
        bool ready;
        try
        {
            ready = await HealthProbe.WaitUntilReadyAsync(url, current, StartTimeout, ct);
        }
        catch (OperationCanceledException)
        {
            await current.StopAsync(TimeSpan.FromSeconds(10));
            throw;
        }

        if (!ready)
        {
            var what = current.HasExited ? $"exited with code {await current.Exited}" : $"was not ready within {StartTimeout.TotalSeconds:0} s";
            await current.StopAsync(TimeSpan.FromSeconds(10));
            throw new InvalidOperationException(
                $"{Name} {what} ({url}health/ready). Its last output:{Environment.NewLine}{current.RecentOutput}");
        }

        output.Progress($"{Name} is ready at {url}");
        supervision = SuperviseAsync();
    }

    /// <summary>Kills the process as a crash would; the supervisor restarts it.</summary>
    public async Task KillAsync()
    {
        var process = current;
        process.Kill();
        await process.Exited;
    }

    public async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        while (!await HealthProbe.IsReadyAsync(url, ct))
        {
            await Task.Delay(250, ct);
        }
    }

    public async Task StopAsync()
    {
        ChildProcess process;
        lock (gate)
        {
            stopping.Cancel();
            process = current;
        }

        await process.StopAsync(TimeSpan.FromSeconds(10));
        await supervision;
    }

    private async Task SuperviseAsync()
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            var exitCode = await current.Exited;
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            output.Progress($"{Name} exited unexpectedly (code {exitCode}); restarting in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, stopping.Token);
                lock (gate)
                {
                    stopping.Token.ThrowIfCancellationRequested();
                    current = ChildProcess.Start(spec);
                }

                var ready = await HealthProbe.WaitUntilReadyAsync(url, current, StartTimeout, stopping.Token);
                output.Progress(ready ? $"{Name} is ready again" : $"{Name} did not become ready after its restart");
                backoff = ready ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
