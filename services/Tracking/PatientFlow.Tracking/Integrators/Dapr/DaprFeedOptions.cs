using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Dapr;

/// <summary><c>Tracking:Dapr</c>: the Dapr pub/sub component and topic the feed's CloudEvents are published to.</summary>
public sealed class DaprFeedOptions
{
    public const string Section = "Tracking:Dapr";

    public bool Enabled { get; set; }

    /// <summary>The pub/sub component's name, as its Dapr component file declares it.</summary>
    public string PubSubName { get; set; } = "patientflow-pubsub";

    public string Topic { get; set; } = "visit-events";

    /// <summary>The sidecar's gRPC API; when unset, <c>DAPR_GRPC_ENDPOINT</c>, then <c>DAPR_GRPC_PORT</c> on 127.0.0.1, then port 50001.</summary>
    public string? GrpcEndpoint { get; set; }

    /// <summary>How much of each event's data is published: <c>ids</c> (default) or <c>clinical</c>.</summary>
    public PayloadScope Scope { get; set; } = PayloadScope.Ids;

    /// <summary>Where the first run starts: <c>end</c> (default) or <c>beginning</c> of the log.</summary>
    public FeedStart StartFrom { get; set; } = FeedStart.End;

    public TimeSpan RetryFirstAfter { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryLongest { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait for the sidecar to accept one event.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The endpoint the sidecar injector or the environment announces, when none is configured.</summary>
    public static string DefaultEndpoint(IConfiguration configuration) =>
        configuration["DAPR_GRPC_ENDPOINT"] is { Length: > 0 } endpoint ? endpoint
        : configuration["DAPR_GRPC_PORT"] is { Length: > 0 } port ? $"http://127.0.0.1:{port}"
        : "http://127.0.0.1:50001";

    /// <summary>Problems with the settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(PubSubName) || string.IsNullOrWhiteSpace(Topic))
        {
            problems.Add($"{Section}: PubSubName and Topic must be named");
        }

        if (!Uri.TryCreate(GrpcEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problems.Add($"{Section}:GrpcEndpoint must be an http or https address, not '{GrpcEndpoint}'");
        }

        if (RetryFirstAfter <= TimeSpan.Zero || RetryLongest < RetryFirstAfter || PublishTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{Section}: needs 0 < RetryFirstAfter <= RetryLongest and a positive PublishTimeout");
        }

        return problems;
    }
}
