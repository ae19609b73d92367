using System.Net.Http.Headers;
using System.Net.Http.Json;
using PatientFlow.AppHost;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// The whole platform on PostgreSQL and RabbitMQ servers of its own, so a test can kill, freeze and
/// restart them. Every process's output goes to one log file, attached to a failure.
/// </summary>
public class FaultPlatform : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"patientflow-faults-{Guid.NewGuid():N}");
    private RunningPlatform? _platform;
    private StreamWriter? _log;

    /// <summary>Processes per business service.</summary>
    protected virtual int Replicas => 1;

    public RunningPlatform Platform => _platform ?? throw new InvalidOperationException("The platform is not running.");

    public string LogPath => _dataDirectory + ".log";

    public TimeSpan StartDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        var options = new PlatformOptions
        {
            RepoRoot = RepoRoot(),
            DataDirectory = _dataDirectory,
            GatewayPort = 0,
            Environment = "Development",
            Output = TextWriter.Synchronized(_log),
            OwnServers = true,
            Replicas = Replicas,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        _platform = await AppHost.Platform.DefineDefault(options).StartAsync(timeout.Token);
        StartDuration = started.Elapsed;
    }

    /// <summary>A client for the gateway carrying a development token for the role.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var client = new HttpClient { BaseAddress = Platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(20) };
        var response = await client.PostAsJsonAsync("/dev/token", new { role });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<string> DatabaseAsync(string service) => Platform.Infrastructure.EnsureDatabaseAsync(service);

    /// <summary>The last lines of the platform log from one source (or all), for a failure message.</summary>
    public string Tail(string? source = null, int lines = 60)
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join(Environment.NewLine, reader.ReadToEnd().Split('\n')
            .Where(line => source is null || line.StartsWith(source, StringComparison.Ordinal) || line.StartsWith("apphost", StringComparison.Ordinal))
            .Where(line => !line.Contains("Request rejected", StringComparison.Ordinal))
            .TakeLast(lines));
    }

    /// <summary>Every log line so far.</summary>
    public IReadOnlyList<string> LogLines()
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n');
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
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
            File.Delete(LogPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
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

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>The platform with two processes of every business service.</summary>
public sealed class ScaledOutPlatform : FaultPlatform
{
    protected override int Replicas => 2;
}
