namespace PatientFlow.LocalInfrastructure;

/// <summary>
/// Records a child process (pid, kernel start time, stop signal) so that the next run can stop it
/// when this run died without cleaning up. The start time guards against a recycled pid.
/// </summary>
public sealed record PidFile(string Path)
{
    public void Write(int pid, StopSignal signal)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, $"{pid} {StartTime(pid)} {(int)signal}\n");
    }

    public void Delete() => File.Delete(Path);

    /// <summary>Stops every process still alive from the pid files in <paramref name="directory"/>.</summary>
    public static Task StopLeftoversAsync(string directory, Action<string>? log) =>
        !Directory.Exists(directory)
            ? Task.CompletedTask
            : Task.WhenAll(Directory.GetFiles(directory, "*.pid").Select(path => new PidFile(path).StopLeftoverAsync(log)));

    private async Task StopLeftoverAsync(Action<string>? log)
    {
        var fields = File.ReadAllText(Path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 3 && int.TryParse(fields[0], out var pid) && StartTime(pid) == fields[1])
        {
            log?.Invoke($"stopping process {pid} left over from an earlier run ({System.IO.Path.GetFileName(Path)})");
            Posix.Signal(pid, int.Parse(fields[2]));
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (StartTime(pid) == fields[1] && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            if (StartTime(pid) == fields[1])
            {
                Posix.Signal(pid, Posix.SigKill);
            }
        }

        Delete();
    }

    /// <summary>Field 22 of /proc/pid/stat; null when no such process (or it is a zombie being reaped).</summary>
    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may contain spaces and parentheses; the fields after the last ')' do not.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : fields[19];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
