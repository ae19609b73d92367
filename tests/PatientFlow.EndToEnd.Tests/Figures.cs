using Xunit.Abstractions;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>
/// Measured figures go to the test output and, when PATIENTFLOW_FIGURES names a file, to that
/// file too, so ./test.sh can print them after the run.
/// </summary>
internal static class Figures
{
    public static void Report(ITestOutputHelper output, string what, string value)
    {
        output.WriteLine($"{what}: {value}");
        if (Environment.GetEnvironmentVariable("PATIENTFLOW_FIGURES") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{what}: {value}{Environment.NewLine}");
        }
    }
}
