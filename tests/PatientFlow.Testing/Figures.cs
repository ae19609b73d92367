using Xunit.Abstractions;

namespace PatientFlow.Testing;

/// <summary>
/// Measured figures go to the test output and, when PATIENTFLOW_FIGURES names a file, to that
/// file too, so ./test.sh can print them after the run.
/// </summary>
public static class Figures
{
    public static void Report(ITestOutputHelper output, string what, string value)
    {
        output.WriteLine($"{what}: {value}");
        Report(what, value);
    }

    /// <summary>To the figures file only, for a test that writes its own output.</summary>
    public static void Report(string what, string value)
    {
        if (Environment.GetEnvironmentVariable("PATIENTFLOW_FIGURES") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{what}: {value}{Environment.NewLine}");
        }
    }
}
