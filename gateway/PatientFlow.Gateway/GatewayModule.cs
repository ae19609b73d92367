using PatientFlow.Gateway.Health;
using PatientFlow.Gateway.RateLimiting;

namespace PatientFlow.Gateway;

public static class GatewayModule
{
    /// <summary>YARP routes and clusters from <c>ReverseProxy</c>, per-caller rate limits, and a readiness check per service.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.AddGatewayRateLimiting();
        builder.AddServiceReadinessChecks();
        return builder;
    }
}
