namespace PatientFlow.LocalInfrastructure.Tests;

/// <summary>Reads /proc to find processes whose command line mentions a path.</summary>
public static class ProcessTable
{
    public static IReadOnlyList<string> Mentioning(string text) =>
        Directory.GetDirectories("/proc")
            .Select(dir => (Pid: System.IO.Path.GetFileName(dir), CommandLine: CommandLine(dir)))
            .Where(p => int.TryParse(p.Pid, out _) && p.CommandLine.Contains(text, StringComparison.Ordinal))
            .Select(p => $"{p.Pid}: {p.CommandLine}")
            .ToList();

    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    private static string CommandLine(string dir)
    {
        try
        {
            return File.ReadAllText(System.IO.Path.Combine(dir, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
