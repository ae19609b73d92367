using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.ServiceDefaults.Grpc;

/// <summary>
/// A process that serves or forwards gRPC listens on <c>Grpc:Url</c> with HTTP/2 only (cleartext HTTP/2 needs prior
/// knowledge, which an HTTP/1.1-and-2 endpoint without TLS cannot offer) next to its HTTP/1.1 address.
/// </summary>
public static class GrpcListener
{
    /// <summary>
    /// Binds <c>Grpc:Url</c> with HTTP/2 only, next to the HTTP addresses; a process that only forwards gRPC (the gateway)
    /// needs the listener without the gRPC services.
    /// </summary>
    public static IHostApplicationBuilder ListenForGrpc(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration["Grpc:Url"] is { Length: > 0 } grpcUrl)
        {
            var httpUrls = (builder.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            builder.Services.Configure<KestrelServerOptions>(kestrel =>
            {
                // Listening explicitly replaces ASPNETCORE_URLS, so the HTTP addresses are bound here too.
                foreach (var url in httpUrls)
                {
                    Listen(kestrel, new Uri(url), HttpProtocols.Http1AndHttp2);
                }

                Listen(kestrel, new Uri(grpcUrl), HttpProtocols.Http2);
            });
        }

        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, Uri url, HttpProtocols protocols)
    {
        if (url.Host is "*" or "+" or "0.0.0.0" or "[::]")
        {
            kestrel.ListenAnyIP(url.Port, listen => listen.Protocols = protocols);
        }
        else if (url.IsLoopback && !IPAddress.TryParse(url.Host, out _))
        {
            kestrel.ListenLocalhost(url.Port, listen => listen.Protocols = protocols);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(url.Host.Trim('[', ']')), url.Port, listen => listen.Protocols = protocols);
        }
    }
}
