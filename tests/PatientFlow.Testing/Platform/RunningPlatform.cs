using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Xunit;

namespace PatientFlow.Testing.Platform;

/// <summary>
/// The one platform fixture: the whole platform from the app host's model (<see cref="TestPlatform"/>), started once for
/// a test class or collection and driven through the gateway. A fixture says only how its platform differs (its
/// <see cref="Settings"/>); starting, timing, clients with a role's token, logs and stopping are here.
/// </summary>
public abstract class RunningPlatform : IAsyncLifetime
{
    private TestPlatform? _platform;

    public TestPlatform Platform => _platform ?? throw new InvalidOperationException("The platform is not running.");

    /// <summary>Every process's output, prefixed with its resource id, for diagnosing a failure.</summary>
    public string LogPath => Platform.LogPath;

    public TimeSpan StartDuration { get; private set; }

    /// <summary>How long the platform may take to start before the fixture fails.</summary>
    // A cold start of the whole platform (issuer and audit service included) beside the other test projects on two cores
    // took 398 s in a clean-clone run and more than 480 s in another: nine .NET processes start two at a time (the app
    // host's start gate), each taking 6-9 CPU-seconds on a quiet machine. The start's time is reported, not what these
    // tests judge; a start that never completes still fails, naming what was not ready.
    protected virtual TimeSpan StartLimit => TimeSpan.FromMinutes(12);

    /// <summary>How long a client waits for one answer.</summary>
    protected virtual TimeSpan ClientTimeout => TimeSpan.FromSeconds(100);

    /// <summary>The platform this fixture runs (read when it starts).</summary>
    protected abstract PlatformSettings Settings();

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartLimit);
        _platform = await TestPlatform.StartAsync(Settings(), timeout.Token);
        StartDuration = started.Elapsed;
    }

    /// <summary>A client for the gateway carrying a development token for the role.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var client = new HttpClient { BaseAddress = Platform.GatewayUrl, Timeout = ClientTimeout };
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

    public virtual async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
