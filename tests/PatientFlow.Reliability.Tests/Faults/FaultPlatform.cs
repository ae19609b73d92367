using PatientFlow.Testing.Platform;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// The whole platform from the app host's model, on PostgreSQL and RabbitMQ servers of its own, so a test can
/// kill, freeze and restart them. Every process's output goes to one log file, attached to a failure.
/// </summary>
public class FaultPlatform : RunningPlatform
{
    /// <summary>Processes per business service.</summary>
    protected virtual int Replicas => 1;

    // Under a fault a request may hang on a frozen server; the traffic counts it as not acknowledged and goes on.
    protected override TimeSpan ClientTimeout => TimeSpan.FromSeconds(20);

    protected override PlatformSettings Settings() => new("faults") { Replicas = Replicas };
}

/// <summary>The platform with two processes of every business service.</summary>
public sealed class ScaledOutPlatform : FaultPlatform
{
    protected override int Replicas => 2;
}
