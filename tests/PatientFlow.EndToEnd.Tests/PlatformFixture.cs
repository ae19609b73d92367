using System.Net.Http.Headers;
using System.Net.Http.Json;
using PatientFlow.Testing.Platform;
using Xunit;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>The whole platform, started once for these tests from the app host's model, driven through the gateway.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private TestPlatform? _platform;

    /// <summary>Every process's output, prefixed with its resource id, for diagnosing a failure.</summary>
    public string LogPath => Platform.LogPath;

    public TestPlatform Platform => _platform ?? throw new InvalidOperationException("The platform is not running.");

    public TimeSpan StartDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        _platform = await TestPlatform.StartAsync(new PlatformSettings("e2e")
        {
            // A roomed card turns amber after 3 s instead of 10 min, so the board page's colour can be seen to change within a test.
            Environment = new Dictionary<string, string>
            {
                ["Tracking__Board__Thresholds__roomed__Amber"] = "00:00:03",
                ["Tracking__Board__Thresholds__roomed__Red"] = "00:10:00",
            },
        }, timeout.Token);
        StartDuration = started.Elapsed;
    }

    /// <summary>The last lines one process wrote, to attach to a failure.</summary>
    public string Tail(string source, int lines) => Platform.Tail(source, lines);

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
    }

    private sealed record TokenResponse(string AccessToken);
}
