using PatientFlow.Gateway.Health;
using PatientFlow.Gateway.RateLimiting;
using PatientFlow.ServiceDefaults.Grpc;

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
        // Integrators' gRPC feed comes in on an HTTP/2 port of its own and goes on to tracking's.
        builder.ListenForGrpc();
        return builder;
    }
}
