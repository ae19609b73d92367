using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PatientFlow.EndToEnd.Tests.AppHost;

/// <summary>The app host as <c>./run.sh</c> runs it: its own process, its console, and SIGTERM to stop it.</summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>The key for the dashboard's telemetry API (<c>x-api-key</c>), given to the app host as <c>AppHost:DashboardApiKey</c>.</summary>
    public string DashboardApiKey { get; private init; } = "";

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri DashboardUrl { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine, lines);

    public static AppHostProcess Start(string dataDirectory, string dashboardApiKey)
    {
        var repo = Testing.RepositoryRoot.Path;
        // The same build configuration as the tests: bin/<configuration>/net10.0.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(repo, "apphost", "PatientFlow.AppHost", "bin", configuration, "net10.0", "PatientFlow.AppHost.dll"), "--port", "0", "--data", dataDirectory },
            Environment = { ["AppHost__DashboardApiKey"] = dashboardApiKey },
        };
        var host = new AppHostProcess(Process.Start(info)!) { DashboardApiKey = dashboardApiKey };
        host.process.OutputDataReceived += (_, e) => host.Read(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Read(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Until the summary is printed: every resource healthy.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan limit)
    {
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(running.Task, exited).WaitAsync(limit) == exited && !running.Task.IsCompleted)
        {
            throw new InvalidOperationException($"The app host exited with code {process.ExitCode} before everything was healthy:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>SIGTERM, as <c>kill</c> or a service manager sends it; returns once the app host has exited.</summary>
    public async Task TerminateAsync(TimeSpan limit)
    {
        using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(limit);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        if (Row().Match(line) is { Success: true } row)
        {
            if (row.Groups[1].Value == "gateway")
            {
                GatewayUrl = new Uri(row.Groups[2].Value);
            }
            else if (row.Groups[1].Value == "dashboard")
            {
                DashboardUrl = new Uri(new Uri(row.Groups[2].Value), "/");
                running.TrySetResult();
            }
        }
    }

    // The summary's rows: "  gateway       http://localhost:41234/".
    [GeneratedRegex(@"^\s+(gateway|dashboard)\s+(http://\S+)")]
    private static partial Regex Row();
}
