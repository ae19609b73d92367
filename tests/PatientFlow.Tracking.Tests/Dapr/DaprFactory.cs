using Microsoft.AspNetCore.Hosting;
using PatientFlow.Tracking.Tests.Api;

namespace PatientFlow.Tracking.Tests.Dapr;

/// <summary>Tracking with its Dapr publisher on, pointed at a <see cref="FakeDaprSidecar"/> that refuses its first two calls.</summary>
public sealed class DaprFactory : TrackingFactory
{
    public const string PubSubName = "test-pubsub";
    public const string Topic = "test-visit-events";
    public const int RefusedCalls = 2;

    public FakeDaprSidecar Sidecar { get; } = FakeDaprSidecar.Start(failFirst: RefusedCalls);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tracking:Dapr:Enabled", "true");
        builder.UseSetting("Tracking:Dapr:GrpcEndpoint", Sidecar.Endpoint);
        builder.UseSetting("Tracking:Dapr:PubSubName", PubSubName);
        builder.UseSetting("Tracking:Dapr:Topic", Topic);
        builder.UseSetting("Tracking:Dapr:StartFrom", "beginning");
        builder.UseSetting("Tracking:Dapr:RetryFirstAfter", "00:00:00.2");
        builder.UseSetting("Tracking:Dapr:RetryLongest", "00:00:01");
    }

    private bool stopped;

    /// <summary>After the host: the publisher stops before the sidecar it publishes to.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !stopped)
        {
            stopped = true;
            Sidecar.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
