using PatientFlow.Gateway.Edge;
using PatientFlow.Gateway.Health;
using PatientFlow.Gateway.RateLimiting;
using PatientFlow.ServiceDefaults.Grpc;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway;

public static class GatewayModule
{
    /// <summary>YARP routes and clusters from <c>ReverseProxy</c>, HTTPS, rate limits, and a readiness check per service.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.AddHttpsEdge();
        builder.AddGatewayRateLimiting();
        builder.AddServiceReadinessChecks();
        // Integrators' gRPC feed comes in on an HTTP/2 port of its own and goes on to tracking's.
        builder.ListenForGrpc();
        return builder;
    }

    /// <summary>
    /// A route's <c>MaxRequestBodySize</c> (the 835 upload's) as endpoint metadata too, so routing applies it before the
    /// gateway checks a declared length, and a body over the limit is refused before anything is forwarded.
    /// </summary>
    public static ReverseProxyConventionBuilder WithRouteBodyLimits(this ReverseProxyConventionBuilder proxy) =>
        proxy.ConfigureEndpoints((endpoint, route) =>
        {
            if (route.MaxRequestBodySize is { } limit)
            {
                endpoint.WithRequestBodyLimit(limit);
            }
        });

    /// <summary>What runs before any token is read: HSTS and the redirect to HTTPS, then the per-address limit.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app) =>
        app.UseHttpsEdge().UseAddressRateLimit();
}
