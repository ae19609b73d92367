using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.ServiceDefaults.Grpc;

/// <summary>
/// A process that serves or forwards gRPC listens on <c>Grpc:Url</c> with HTTP/2 only (cleartext HTTP/2 needs prior
/// knowledge, which an HTTP/1.1-and-2 endpoint without TLS cannot offer) next to its HTTP/1.1 address. An https://
/// address is served with the default certificate (<c>Kestrel:Certificates:Default</c>).
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
            // Listening explicitly replaces ASPNETCORE_URLS; Listeners binds the HTTP addresses too.
            Listeners.Add(builder, (kestrel, _) => Listeners.Listen(kestrel, BindingAddress.Parse(grpcUrl), HttpProtocols.Http2));
        }

        return builder;
    }
}
