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

    public RunningPlatform Platform => _platform ?? throw new InvalidOperationException("The platform is not running.");

    public TimeSpan StartDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var options = new PlatformOptions
        {
            RepoRoot = RepoRoot(),
            DataDirectory = _dataDirectory,
            GatewayPort = 0,
            Environment = "Development",
            Output = TextWriter.Null,
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
