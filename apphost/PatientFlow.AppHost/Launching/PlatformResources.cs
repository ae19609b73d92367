namespace PatientFlow.AppHost.Launching;

/// <summary>How a PatientFlow process is wired into the model: its address, health, settings and the addresses it calls.</summary>
public static class PlatformResources
{
    private const string Grpc = "grpc";

    /// <summary>
    /// An HTTP endpoint (a fixed port only where people type it), readiness at <c>/health/ready</c> for WaitFor, the
    /// development environment, the shared signing key and clock, and a restart whenever the process dies unasked.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> project, LaunchOptions launch, int? port = null) =>
        project
            .WithHttpEndpoint(port: port is > 0 ? port : null, name: "http")
            .WithHttpHealthCheck("/health/ready")
            .WithRestartAfterCrash()
            .WithPlatformSettings(launch);

    /// <summary>The development environment, the shared token signing key and the shared clock.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformSettings(this IResourceBuilder<ProjectResource> project, LaunchOptions launch)
    {
        project
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment("Auth__SigningKey", launch.SigningKey());
        foreach (var (key, value) in launch.Clock?.ToEnvironment() ?? new Dictionary<string, string>())
        {
            project.WithEnvironment(key, value);
        }

        return project;
    }

    /// <summary>
    /// A second port that speaks HTTP/2 only, for gRPC: cleartext HTTP/2 needs prior knowledge, which an HTTP/1.1-and-2
    /// endpoint cannot offer. The process binds it from <c>Grpc:Url</c>, apart from ASPNETCORE_URLS.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(this IResourceBuilder<ProjectResource> project, int? port = null)
    {
        project.WithHttpEndpoint(port: port, name: Grpc)
            .WithEndpoint(Grpc, endpoint => endpoint.Transport = "http2")
            .WithEndpointsInEnvironment(endpoint => endpoint.Name != Grpc);
        var grpc = project.GetEndpoint(Grpc);
        return project.WithEnvironment("Grpc__Url", ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}"));
    }

    /// <summary>
    /// Tells the project where <paramref name="target"/> answers (<c>Services:&lt;name&gt;:Url</c>, and <c>:GrpcUrl</c>).
    /// The two start side by side: a service calls another only while it handles a request, and the gateway, which
    /// takes the requests, waits for every service.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceReference(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> target)
    {
        var name = target.Resource.Name;
        project.WithEnvironment($"Services__{name}__Url", target.GetEndpoint("http"));
        if (HasGrpc(target))
        {
            project.WithEnvironment($"Services__{name}__GrpcUrl", target.GetEndpoint(Grpc));
        }

        return project;
    }

    /// <summary>
    /// The gateway's YARP clusters, one per service (and <c>&lt;name&gt;-grpc</c> over HTTP/2 where it serves gRPC), fed from
    /// the model: each address is the service's endpoint, which spreads calls over its replicas.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRoutesTo(this IResourceBuilder<ProjectResource> gateway, params IResourceBuilder<ProjectResource>[] services)
    {
        foreach (var service in services)
        {
            var cluster = $"ReverseProxy__Clusters__{service.Resource.Name}";
            gateway.WithEnvironment($"{cluster}__Destinations__primary__Address", service.GetEndpoint("http"));
            if (HasGrpc(service))
            {
                gateway.WithEnvironment($"{cluster}-grpc__Destinations__primary__Address", service.GetEndpoint(Grpc))
                    .WithEnvironment($"{cluster}-grpc__HttpRequest__Version", "2")
                    .WithEnvironment($"{cluster}-grpc__HttpRequest__VersionPolicy", "RequestVersionExact");
            }

            gateway.WaitFor(service);
        }

        return gateway;
    }

    private static bool HasGrpc(IResourceBuilder<ProjectResource> project) =>
        project.Resource.Annotations.OfType<EndpointAnnotation>().Any(endpoint => endpoint.Name == Grpc);
}
