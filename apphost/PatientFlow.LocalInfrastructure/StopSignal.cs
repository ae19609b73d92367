namespace PatientFlow.LocalInfrastructure;

/// <summary>The signal that asks a child to shut down cleanly.</summary>
public enum StopSignal
{
    /// <summary>PostgreSQL's fast shutdown: SIGTERM would wait for every client to disconnect.</summary>
    Interrupt = Posix.SigInt,
    Terminate = Posix.SigTerm,
}
