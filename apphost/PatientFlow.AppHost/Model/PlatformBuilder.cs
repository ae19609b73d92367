namespace PatientFlow.AppHost.Model;

/// <summary>Declares the platform's resources and their references, as Aspire's distributed application builder does.</summary>
public sealed class PlatformBuilder(PlatformOptions options)
{
    private readonly List<Resource> resources = [];

    public static PlatformBuilder Create(PlatformOptions options) => new(options);

    public PostgresResource AddPostgres(string name) => Add(new PostgresResource(name));

    public RabbitMqResource AddRabbitMq(string name) => Add(new RabbitMqResource(name));

    public ServiceResource AddService(string name, string projectDirectory) => Add(new ServiceResource(name, projectDirectory));

    public PlatformModel Build() => new(options, resources);

    private T Add<T>(T resource) where T : Resource
    {
        if (resources.Any(r => r.Name == resource.Name))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' is already declared.", nameof(resource));
        }

        resources.Add(resource);
        return resource;
    }
}
