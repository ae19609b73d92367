using System.Net.Http.Headers;
using System.Net.Http.Json;
using PatientFlow.AppHost;
using Xunit;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>The whole platform, started once for these tests by the app host, driven through the gateway.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"patientflow-e2e-{Guid.NewGuid():N}");
    private RunningPlatform? _platform;
    private StreamWriter? _log;

    /// <summary>Every process's output, prefixed with its name, for diagnosing a failure.</summary>
    public string LogPath => Path.Combine(Path.GetTempPath(), $"{Path.GetFileName(_dataDirectory)}.log");

    public RunningPlatform Platform => _platform ?? throw new InvalidOperationException("The platform is not running.");

    public TimeSpan StartDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        // The services inherit this process's environment: a roomed card turns amber after 3 s instead of 10 min,
        // so the board page's colour can be seen to change within a test.
        Environment.SetEnvironmentVariable("Tracking__Board__Thresholds__roomed__Amber", "00:00:03");
        Environment.SetEnvironmentVariable("Tracking__Board__Thresholds__roomed__Red", "00:10:00");
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        var options = new PlatformOptions
        {
            RepoRoot = RepoRoot(),
            DataDirectory = _dataDirectory,
            GatewayPort = 0,
            Environment = "Development",
            Output = TextWriter.Synchronized(_log),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _platform = await PatientFlow.AppHost.Platform.DefineDefault(options).StartAsync(timeout.Token);
        StartDuration = started.Elapsed;
    }

    private static string RepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PatientFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PatientFlow.sln not found above the test's folder.");
    }

    /// <summary>The last lines one process wrote, to attach to a failure.</summary>
    public string Tail(string source, int lines)
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join(Environment.NewLine, reader.ReadToEnd().Split('\n')
            .Where(line => line.StartsWith(source, StringComparison.Ordinal) || line.StartsWith("apphost", StringComparison.Ordinal))
            .Where(line => !line.Contains("Request rejected", StringComparison.Ordinal) && !line.Contains("ProblemExceptionHandler", StringComparison.Ordinal))
            .TakeLast(lines));
    }

    /// <summary>A client for the gateway carrying a development token for the role.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var client = new HttpClient { BaseAddress = Platform.GatewayUrl };
        var response = await client.PostAsJsonAsync("/dev/token", new { role });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        if (_log is not null)
        {
            await _log.DisposeAsync();
            File.Delete(LogPath);
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
