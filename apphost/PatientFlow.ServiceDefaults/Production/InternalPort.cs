using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientFlow.ServiceDefaults.Production;

/// <summary>
/// Outside Development, <c>/metrics</c> and <c>/health/*</c> answer only on <c>PatientFlow:InternalPort</c> (9464 unless
/// set): a plain-HTTP port the probes and the scraper reach inside the cluster and no ingress exposes. The public port
/// answers 404 for them, and the internal port 404 for everything else. In Development they stay on the public port,
/// where the app host and the tests ask for them (setting the port there moves them too).
/// </summary>
public sealed record InternalPort(int? Port)
{
    public const string Setting = "PatientFlow:InternalPort";
    public const int DefaultPort = 9464;

    public static InternalPort From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue<int?>(Setting) ?? (environment.IsDevelopment() ? null : DefaultPort));

    /// <summary>Whether the request came in on the internal port.</summary>
    public bool Received(HttpContext context) => Port is { } port && context.Connection.LocalPort == port;
}

/// <summary>Endpoint metadata: served on the internal port when there is one.</summary>
public sealed class InternalEndpoint
{
    public static readonly InternalEndpoint Marker = new();

    private InternalEndpoint()
    {
    }
}

public static class InternalPortExtensions
{
    public static IHostApplicationBuilder AddInternalPort(this IHostApplicationBuilder builder)
    {
        var internalPort = InternalPort.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(internalPort);
        if (internalPort.Port is { } port)
        {
            Listeners.Add(builder, (kestrel, _) => kestrel.ListenAnyIP(port, listen => listen.Protocols = HttpProtocols.Http1));
        }

        return builder;
    }

    /// <summary>Anonymous, out of the API description, and on the internal port when there is one.</summary>
    public static TBuilder ServedInternally<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(InternalEndpoint.Marker).AllowAnonymous().ExcludeFromDescription();

    public static bool ArrivedOnInternalPort(this HttpContext context) =>
        context.RequestServices.GetRequiredService<InternalPort>().Received(context);
}
