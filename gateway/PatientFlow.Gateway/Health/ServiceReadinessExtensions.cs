using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatientFlow.ServiceDefaults.Health;
using Yarp.ReverseProxy;

namespace PatientFlow.Gateway.Health;

public static class ServiceReadinessExtensions
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The cluster metadata that marks a service off the care path (the audit reports): when it is not ready, the gateway is degraded, not out of service.</summary>
    public const string OptionalMetadata = "Metadata:PatientFlow.Readiness";

    /// <summary>
    /// One readiness check per configured cluster, named after the service. Registered when the
    /// options are first read, so the cluster list is the final configuration (tests and hosts included).
    /// </summary>
    public static IHostApplicationBuilder AddServiceReadinessChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(ServiceReadinessCheck.HttpClientName, client => client.Timeout = ProbeTimeout);
        builder.Services.AddOptions<HealthCheckServiceOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
                {
                    // A gRPC cluster is another port of a service whose HTTP cluster is already checked.
                    if (cluster["HttpRequest:Version"] == "2")
                    {
                        continue;
                    }

                    options.Registrations.Add(new HealthCheckRegistration(
                        cluster.Key,
                        services => new ServiceReadinessCheck(
                            cluster.Key,
                            services.GetRequiredService<IProxyStateLookup>(),
                            services.GetRequiredService<IHttpClientFactory>(),
                            Optional: string.Equals(cluster[OptionalMetadata], "optional", StringComparison.OrdinalIgnoreCase)),
                        HealthStatus.Unhealthy,
                        [HealthTags.Ready],
                        ProbeTimeout + TimeSpan.FromSeconds(1)));
                }
            });
        return builder;
    }
}
