using System.Net;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.ServiceDefaults.Grpc;

/// <summary>
/// gRPC between services. A serving service listens on <c>Grpc:Url</c> with HTTP/2 only (cleartext HTTP/2 needs
/// prior knowledge, which an HTTP/1.1-and-2 endpoint without TLS cannot offer) next to its HTTP/1.1 address.
/// A calling service finds it at <c>Services:&lt;name&gt;:GrpcUrl</c>.
/// </summary>
public static class GrpcHosting
{
    public static IHostApplicationBuilder AddPatientFlowGrpcServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<GrpcProblemInterceptor>();
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        return builder.ListenForGrpc();
    }

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

    /// <summary>
    /// A typed gRPC client for <paramref name="service"/>: transient failures (UNAVAILABLE) are retried up to
    /// 4 attempts with exponential backoff, always within the caller's deadline.
    /// </summary>
    public static IHttpClientBuilder AddPatientFlowGrpcClient<TClient>(this IHostApplicationBuilder builder, string service) where TClient : ClientBase
    {
        var configured = builder.Configuration[$"Services:{service}:GrpcUrl"];
        return builder.Services
            .AddGrpcClient<TClient>(options =>
            {
                // Unset, the client still resolves; each call then answers 503 naming the missing setting.
                options.Address = new Uri(string.IsNullOrEmpty(configured) ? GrpcCalls.Unconfigured : configured);
            })
            .ConfigureChannel(channel =>
            {
                channel.ServiceConfig = new ServiceConfig
                {
                    MethodConfigs =
                    {
                        new MethodConfig
                        {
                            Names = { MethodName.Default },
                            RetryPolicy = new RetryPolicy
                            {
                                MaxAttempts = 4,
                                InitialBackoff = TimeSpan.FromMilliseconds(100),
                                MaxBackoff = TimeSpan.FromSeconds(1),
                                BackoffMultiplier = 2,
                                RetryableStatusCodes = { StatusCode.Unavailable },
                            },
                        },
                    },
                };
            });
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
