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

    public ServiceResource WithHttpPort(int port)
    {
        HttpPort = port;
        return this;
    }
}
