using PatientFlow.AppHost.Model;

namespace PatientFlow.AppHost.Running;

/// <summary>The configuration a launched service receives, as environment variables.</summary>
internal sealed record ServiceEnvironment(
    PlatformOptions Options,
    LocalInfrastructure.LocalInfrastructure Infrastructure,
    string SigningKey,
    IReadOnlyDictionary<string, Uri> Urls,
    IReadOnlyDictionary<string, Uri> GrpcUrls)
{
    // Set by us per service; an inherited value (e.g. the ConnectionStrings__postgres that made the
    // infrastructure external) must not leak into services under a key they might read.
    private static readonly string[] OwnedPrefixes = ["ConnectionStrings__", "ReverseProxy__", "Services__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Auth__", "Grpc__", "PatientFlow__Clock__"];

    public async Task<Dictionary<string, string?>> ForAsync(ServiceResource service, string instance, CancellationToken ct)
    {
        var variables = new Dictionary<string, string?>();
        foreach (var key in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (OwnedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                variables[key] = null;
            }
        }

        variables["ASPNETCORE_URLS"] = Urls[instance].AbsoluteUri.TrimEnd('/');
        variables["PatientFlow__Instance"] = instance;
        if (GrpcUrls.TryGetValue(instance, out var grpcUrl))
        {
            variables["Grpc__Url"] = grpcUrl.AbsoluteUri.TrimEnd('/');
        }

        variables["ASPNETCORE_ENVIRONMENT"] = Options.Environment;
        variables["DOTNET_ENVIRONMENT"] = Options.Environment;
        variables["Auth__SigningKey"] = SigningKey;
        foreach (var (key, value) in Options.Clock?.ToEnvironment() ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        // OTEL_* variables are inherited as they are; only the service name differs per process.
        variables["OTEL_SERVICE_NAME"] = service.Name;
        if (service.Database is { } database)
        {
            variables[$"ConnectionStrings__{service.Name}-db"] = await Infrastructure.EnsureDatabaseAsync(database, ct);
        }

        foreach (var reference in service.References)
        {
            switch (reference)
            {
                case RabbitMqResource rabbit:
                    variables[$"ConnectionStrings__{rabbit.Name}"] = Infrastructure.RabbitMqConnectionString;
                    break;
                case PostgresResource postgres when service.Database is null:
                    variables[$"ConnectionStrings__{postgres.Name}"] = Infrastructure.PostgresConnectionString;
                    break;
                case ServiceResource target:
                    // YARP reads each process as a destination of the service's cluster; anything else
                    // reads Services:<name>:Url (the first process).
                    for (var i = 0; i < target.InstanceNames.Count; i++)
                    {
                        var destination = i == 0 ? "primary" : $"replica-{i + 1}";
                        variables[$"ReverseProxy__Clusters__{target.Name}__Destinations__{destination}__Address"] = Urls[target.InstanceNames[i]].AbsoluteUri;
                    }

                    // Its gRPC port, per process, as the cluster "<name>-grpc" that the gateway forwards gRPC calls to.
                    for (var i = 0; i < target.InstanceNames.Count && GrpcUrls.ContainsKey(target.InstanceNames[i]); i++)
                    {
                        var destination = i == 0 ? "primary" : $"replica-{i + 1}";
                        variables[$"ReverseProxy__Clusters__{target.Name}-grpc__Destinations__{destination}__Address"] = GrpcUrls[target.InstanceNames[i]].AbsoluteUri;
                        variables[$"ReverseProxy__Clusters__{target.Name}-grpc__HttpRequest__Version"] = "2";
                        variables[$"ReverseProxy__Clusters__{target.Name}-grpc__HttpRequest__VersionPolicy"] = "RequestVersionExact";
                    }

                    variables[$"Services__{target.Name}__Url"] = Urls[target.InstanceNames[0]].AbsoluteUri;
                    if (GrpcUrls.TryGetValue(target.InstanceNames[0], out var targetGrpc))
                    {
                        variables[$"Services__{target.Name}__GrpcUrl"] = targetGrpc.AbsoluteUri;
                    }

                    break;
            }
        }

        return variables;
    }
}
