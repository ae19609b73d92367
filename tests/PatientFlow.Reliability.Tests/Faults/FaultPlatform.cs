using System.Net.Http.Headers;
using System.Net.Http.Json;
using PatientFlow.Testing.Platform;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// The whole platform from the app host's model, on PostgreSQL and RabbitMQ servers of its own, so a test can
/// kill, freeze and restart them. Every process's output goes to one log file, attached to a failure.
/// </summary>
public class FaultPlatform : IAsyncLifetime
{
    private TestPlatform? _platform;

    /// <summary>Processes per business service.</summary>
    protected virtual int Replicas => 1;

    public TestPlatform Platform => _platform ?? throw new InvalidOperationException("The platform is not running.");

    public string LogPath => Platform.LogPath;

    public TimeSpan StartDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        _platform = await TestPlatform.StartAsync(new PlatformSettings("faults") { Replicas = Replicas }, timeout.Token);
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

    /// <summary>The connection string of the service's own database.</summary>
    public async Task<string> DatabaseAsync(string service) => await Platform.ConnectionStringAsync($"{service}-db")
        ?? throw new InvalidOperationException($"{service} has no database.");

    /// <summary>The last lines of the platform log from one source (or all), for a failure message.</summary>
    public string Tail(string? source = null, int lines = 60) => Platform.Tail(source, lines);

    /// <summary>Every log line so far.</summary>
    public IReadOnlyList<string> LogLines() => Platform.LogLines();

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    private sealed record TokenResponse(string AccessToken);
}

/// <summary>The platform with two processes of every business service.</summary>
public sealed class ScaledOutPlatform : FaultPlatform
{
    protected override int Replicas => 2;
}
