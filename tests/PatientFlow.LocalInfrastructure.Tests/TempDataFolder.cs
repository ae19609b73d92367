namespace PatientFlow.LocalInfrastructure.Tests;

/// <summary>A data folder of its own for one test, deleted afterwards.</summary>
public sealed class TempDataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("patientflow-infra-").FullName;

    public LocalInfrastructureOptions Options(ITestOutputHelper? output = null) => new()
    {
        DataDirectory = Path,
        Log = output is null ? null : (source, line) => Write(output, source, line),
    };

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static void Write(ITestOutputHelper output, string source, string line)
    {
        try
        {
            output.WriteLine($"{source}: {line}");
        }
        catch (InvalidOperationException)
        {
            // Output arriving after the test finished has nowhere to go.
        }
    }
}
