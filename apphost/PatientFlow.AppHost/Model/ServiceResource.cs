namespace PatientFlow.AppHost.Model;

/// <summary>A .NET project launched from its build output, with what it needs wired in as configuration.</summary>
public sealed class ServiceResource(string name, string projectDirectory) : Resource(name)
{
    private readonly List<Resource> references = [];

    /// <summary>Relative to the repository root, e.g. <c>services/Lab/PatientFlow.Lab</c>.</summary>
    public string ProjectDirectory => projectDirectory;

    public string ProjectName => Path.GetFileName(projectDirectory.TrimEnd('/'));

    public IReadOnlyList<Resource> References => references;

    /// <summary>The database this service owns, if any.</summary>
    public string? Database { get; private set; }

    /// <summary>Fixed HTTP port; null picks a free one, 0 too.</summary>
    public int? HttpPort { get; private set; }

    public IEnumerable<ServiceResource> ServiceReferences => references.OfType<ServiceResource>();

    /// <summary>How many processes run this service.</summary>
    public int Replicas { get; private set; } = 1;

    /// <summary>The processes' names: the service's own for one, <c>&lt;name&gt;-1</c>, <c>&lt;name&gt;-2</c>... for more.</summary>
    public IReadOnlyList<string> InstanceNames => Replicas == 1
        ? [Name]
        : [.. Enumerable.Range(1, Replicas).Select(i => $"{Name}-{i}")];

    public ServiceResource WithReplicas(int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        if (replicas > 1 && HttpPort is > 0)
        {
            throw new InvalidOperationException($"{Name} has a fixed port and can run only one process.");
        }

        Replicas = replicas;
        return this;
    }

    public ServiceResource WithReference(Resource resource)
    {
        if (!references.Contains(resource))
        {
            references.Add(resource);
        }

        return this;
    }

    /// <summary>Gives the service its own database on <paramref name="postgres"/> as <c>ConnectionStrings__&lt;service&gt;-db</c>.</summary>
    public ServiceResource WithDatabase(PostgresResource postgres, string database)
    {
        Database = database;
        return WithReference(postgres);
    }

    /// <summary>Whether the service also serves gRPC (HTTP/2 only) on a port of its own.</summary>
    public bool ServesGrpc { get; private set; }

    /// <summary>The gRPC port people call (the gateway's); null for a free port.</summary>
    public int? GrpcPort { get; private set; }

    public ServiceResource WithGrpcEndpoint(int? port = null)
    {
        ServesGrpc = true;
        GrpcPort = port;
        return this;
    }

    public ServiceResource WithHttpPort(int port)
    {
        HttpPort = port;
        return this;
    }
}
