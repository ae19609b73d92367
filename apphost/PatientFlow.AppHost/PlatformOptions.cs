using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.AppHost;

/// <summary>How to run the platform locally.</summary>
public sealed record PlatformOptions
{
    /// <summary>The folder holding PatientFlow.sln.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Server data, passwords and the signing key; <c>&lt;repo&gt;/.data</c> unless set.</summary>
    public string DataDirectory
    {
        get => field ?? Path.Combine(RepoRoot, ".data");
        init;
    }

    /// <summary>The gateway's port on localhost; 0 picks a free one.</summary>
    public int GatewayPort { get; init; } = 8080;

    public string Environment { get; init; } = "Development";

    /// <summary>Wipe the data folder first: new databases, queues, passwords and signing key.</summary>
    public bool Fresh { get; init; }

    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Processes per business service (not the gateway): with more than one, they share the service's database and queue.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Start private PostgreSQL and RabbitMQ even when connection strings for external ones are set (fault tests kill them).</summary>
    public bool OwnServers { get; init; }

    /// <summary>An accelerated clock every process shares (<c>PatientFlow:Clock</c>); real time when null.</summary>
    public SimulatedClockSettings? Clock { get; init; }
}
