using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Gateway.Tests;

/// <summary>What a stand-in service saw of one proxied request.</summary>
public sealed record SeenRequest(
    string Backend, string Method, string Path, string? Authorization, string? CorrelationId, string? ForwardedProto, string? ForwardedHost);

/// <summary>
/// A real Kestrel service on a free loopback port standing in for one PatientFlow service: it echoes
/// what reached it and answers <c>/health/ready</c> with the status it was given.
/// </summary>
public sealed class StandInBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Address => new(_app.Urls.Single());

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    public static async Task<StandInBackend> StartAsync(string name, string readiness = "Healthy")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new StandInBackend(name, app);

        app.MapGet("/health/ready", () => Results.Json(
            new { status = readiness },
            statusCode: readiness == "Unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK));
        app.Map("/{**path}", (HttpContext context) =>
        {
            var headers = context.Request.Headers;
            var seen = new SeenRequest(
                name,
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                headers.Authorization.FirstOrDefault(),
                headers["X-Correlation-Id"].FirstOrDefault(),
                headers["X-Forwarded-Proto"].FirstOrDefault(),
                headers["X-Forwarded-Host"].FirstOrDefault());
            backend.Seen.Enqueue(seen);
            // Real services echo the correlation id too; the gateway must not end up with two.
            context.Response.Headers["X-Correlation-Id"] = seen.CorrelationId;
            return Results.Json(seen);
        });

        await app.StartAsync();
        return backend;
    }

    /// <summary>A loopback address where nothing listens: a service that is down.</summary>
    public static Uri UnreachableAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public bool SawPath(string path) => Seen.Any(request => request.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
