namespace PatientFlow.AppHost.Model;

/// <summary>Something the platform runs, named as in Aspire: the name becomes connection-string and config keys.</summary>
public abstract class Resource(string name)
{
    public string Name => name;

    public override string ToString() => name;
}

/// <summary>The PostgreSQL server; services ask for a database of their own on it.</summary>
public sealed class PostgresResource(string name) : Resource(name);

/// <summary>The RabbitMQ broker; a reference yields <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public sealed class RabbitMqResource(string name) : Resource(name);
