namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// Fault tests kill and freeze shared processes and measure recovery times: they run one class at a
/// time, each on a platform and servers of its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "faults";
}
