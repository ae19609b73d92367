namespace PatientFlow.LocalInfrastructure;

/// <summary>What to run as a child process and how to stop it.</summary>
public sealed record ChildProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Variables to set (a null value removes an inherited one).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    public StopSignal StopSignal { get; init; } = StopSignal.Terminate;

    /// <summary>Where to record the pid so a later run can stop the process if this one dies.</summary>
    public PidFile? PidFile { get; init; }

    /// <summary>Receives every line the process writes to stdout or stderr.</summary>
    public Action<string>? Output { get; init; }
}
