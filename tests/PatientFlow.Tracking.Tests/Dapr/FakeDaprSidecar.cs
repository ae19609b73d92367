using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Tracking.Tests.Dapr;

/// <summary>
/// Stands in for a Dapr sidecar's gRPC API on 127.0.0.1 (HTTP/2 only): <c>dapr.proto.runtime.v1.Dapr/PublishEvent</c>,
/// framed by hand as gRPC frames it (a compression flag, a 4-byte big-endian length, the protobuf message), since
/// Dapr.Client ships the generated client but no server base. The first <c>failFirst</c> calls answer UNAVAILABLE,
/// as a sidecar does while its component is not ready; every other method is UNIMPLEMENTED.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    public const string PublishEvent = "/dapr.proto.runtime.v1.Dapr/PublishEvent";

    private readonly WebApplication app;
    private int failuresLeft;
    private int calls;

    private FakeDaprSidecar(WebApplication app, int failFirst)
    {
        this.app = app;
        failuresLeft = failFirst;
    }

    /// <summary>Each request the sidecar accepted, in arrival order.</summary>
    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();

    /// <summary>Every call, refused ones included.</summary>
    public int Calls => Volatile.Read(ref calls);

    public string Endpoint => app.Urls.Single();

    public static FakeDaprSidecar Start(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sidecar = new FakeDaprSidecar(app, failFirst);
        app.MapPost(PublishEvent, sidecar.PublishAsync);
        app.MapFallback(context => Answer(context, 12, "not implemented by the stand-in"));
        // Started before the tracking host is built, which needs the port; a constructor cannot await.
        app.StartAsync().GetAwaiter().GetResult();
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task PublishAsync(HttpContext context)
    {
        Interlocked.Increment(ref calls);
        var request = PublishEventRequest.Parser.ParseFrom(await ReadFrameAsync(context.Request));
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            await Answer(context, 14, "pub/sub component not ready");
            return;
        }

        Published.Enqueue(request);
        context.Response.ContentType = "application/grpc";
        // google.protobuf.Empty: a frame of no bytes.
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task<byte[]> ReadFrameAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var frame = body.ToArray();
        if (frame.Length < 5 || frame[0] != 0)
        {
            throw new InvalidDataException("expected one uncompressed gRPC frame");
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1, 4));
        return frame.Length == 5 + length ? frame[5..] : throw new InvalidDataException($"frame says {length} bytes, body has {frame.Length - 5}");
    }

    /// <summary>A response with no message: only the status, in the trailers.</summary>
    private static Task Answer(HttpContext context, int status, string message)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Response.AppendTrailer("grpc-message", Uri.EscapeDataString(message));
        return Task.CompletedTask;
    }
}
