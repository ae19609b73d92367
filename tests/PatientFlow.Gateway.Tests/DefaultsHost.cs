using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientFlow.ServiceDefaults;

namespace PatientFlow.Gateway.Tests;

/// <summary>
/// A bare process on ServiceDefaults, as every service starts (AddServiceDefaults, UseServiceDefaults), with the
/// endpoints a test maps: in memory, or on a loopback port where Kestrel's limits apply.
/// </summary>
public sealed class DefaultsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _kestrel;

    private DefaultsHost(WebApplication app, bool kestrel)
    {
        _app = app;
        _kestrel = kestrel;
    }

    public static async Task<DefaultsHost> StartAsync(Action<WebApplication> map, bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Configuration["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.UseServiceDefaults();
        map(app);
        await app.StartAsync();
        return new DefaultsHost(app, kestrel);
    }

    public HttpClient CreateClient(string? role = null)
    {
        var client = _kestrel ? new HttpClient { BaseAddress = new Uri(_app.Urls.First()) } : _app.GetTestClient();
        if (role is not null)
        {
            var token = _app.Services.GetRequiredService<TokenIssuer>().Issue(role, "test-user", TimeSpan.FromMinutes(5));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
