using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// Behind a load balancer or ingress, the client's address and scheme arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. They are believed only from the networks listed in <c>Network:TrustedProxies</c> (CIDR, e.g.
/// the ingress controller's pod network), and only one hop deep per listed proxy in front: the per-address rate limit,
/// the audit trail's source address and the HTTPS redirect then see the real client. With nothing listed the headers
/// are ignored, so no client can choose the address it is limited and audited under.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Network:TrustedProxies";
    public const string HopsSetting = "Network:ForwardedHops";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var networks = Networks(builder.Configuration);
        if (networks.Count == 0)
        {
            return builder;
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = builder.Configuration.GetValue<int?>(HopsSetting) ?? 1;
            // Replace the defaults (loopback): only what the operator listed is believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddSingleton(new TrustedProxyMarker());
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetService<TrustedProxyMarker>() is not null)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>The listed networks; a malformed entry refuses the start, naming the setting and the value.</summary>
    public static IReadOnlyList<IPNetwork> Networks(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var values = section.Value is { Length: > 0 } single
            ? single.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(child => child.Value).OfType<string>().ToArray();
        return [.. values.Select(value => IPNetwork.TryParse(value.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"{Setting}: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."))];
    }

    private sealed class TrustedProxyMarker;
}
