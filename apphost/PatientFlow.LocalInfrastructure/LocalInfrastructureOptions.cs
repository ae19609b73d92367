using Microsoft.Extensions.Configuration;

namespace PatientFlow.LocalInfrastructure;

/// <summary>Where local servers keep their data, and which servers are external instead.</summary>
public sealed record LocalInfrastructureOptions
{
    /// <summary>Root of the local data; <c>postgres/</c> and <c>rabbitmq/</c> live below it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Server-level connection string; when set, no PostgreSQL is started.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary><c>amqp://user:pass@host:port/vhost</c>; when set, no RabbitMQ is started.</summary>
    public string? RabbitMqConnectionString { get; init; }

    /// <summary><c>http://user:pass@host:port/</c> of an external broker's management API.</summary>
    public string? RabbitMqManagementUrl { get; init; }

    /// <summary>Receives (source, line) for process output and progress.</summary>
    public Action<string, string>? Log { get; init; }

    /// <summary>
    /// Reads <c>ConnectionStrings:postgres</c>, <c>ConnectionStrings:rabbitmq</c> and
    /// <c>ConnectionStrings:rabbitmq-management</c>, so <c>ConnectionStrings__postgres</c> etc. work.
    /// </summary>
    public static LocalInfrastructureOptions FromConfiguration(IConfiguration configuration, string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        PostgresConnectionString = NullIfBlank(configuration.GetConnectionString("postgres")),
        RabbitMqConnectionString = NullIfBlank(configuration.GetConnectionString("rabbitmq")),
        RabbitMqManagementUrl = NullIfBlank(configuration.GetConnectionString("rabbitmq-management")),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
