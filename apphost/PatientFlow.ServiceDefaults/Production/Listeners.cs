using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// A port of its own (the internal port, a gRPC port) is bound in code, and binding in code makes Kestrel ignore
/// ASPNETCORE_URLS; so the first such port binds the public addresses from <c>urls</c> too, once. Addresses under
/// <c>Kestrel:Endpoints</c> Kestrel still binds itself, with their certificates.
/// </summary>
public static class Listeners
{
    private static readonly object PublicAddressesBound = new();

    public static void Add(IHostApplicationBuilder builder, Action<KestrelServerOptions, IConfiguration> listen)
    {
        if (builder.Properties.TryAdd(PublicAddressesBound, true))
        {
            builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
            {
                foreach (var address in PublicAddresses.FromUrls(configuration))
                {
                    Listen(kestrel, address, HttpProtocols.Http1AndHttp2);
                }
            });
        }

        builder.Services.AddOptions<KestrelServerOptions>().Configure(listen);
    }

    /// <summary>Binds one address (Kestrel's form); an https:// one with the default certificate (<c>Kestrel:Certificates:Default</c>).</summary>
    public static void Listen(KestrelServerOptions kestrel, BindingAddress address, HttpProtocols protocols)
    {
        Action<ListenOptions> configure = listen =>
        {
            listen.Protocols = protocols;
            if (address.IsHttps())
            {
                listen.UseHttps();
            }
        };

        if (address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
        {
            kestrel.Listen(ip, address.Port, configure);
        }
        else
        {
            // "*", "+", 0.0.0.0, [::] and host names: every interface, as Kestrel binds them from ASPNETCORE_URLS.
            kestrel.ListenAnyIP(address.Port, configure);
        }
    }
}
