namespace PatientFlow.EndToEnd.Tests.AppHost;

/// <summary>What the app host runs, from /proc: its orchestrator (DCP, detached, watching the app host's pid) and every descendant.</summary>
internal sealed record ProcessCensus(IReadOnlyList<ProcessCensus.Entry> Processes)
{
    public sealed record Entry(int Pid, string Command, long RssKb)
    {
        public string Kind => Command switch
        {
            _ when Command.Contains("/tools/dcp", StringComparison.Ordinal) => "dcp",
            _ when Command.Contains("Aspire.Dashboard", StringComparison.Ordinal) => "dashboard",
            _ when Command.Contains("dotnet run --project", StringComparison.Ordinal) => "dotnet run wrappers",
            _ when Command.Contains("PatientFlow.AppHost", StringComparison.Ordinal) => "app host",
            _ when Command.Contains("/bin/", StringComparison.Ordinal) && Command.Contains("/PatientFlow.", StringComparison.Ordinal) => "services",
            _ => "servers",
        };
    }

    public static ProcessCensus Of(int appHost)
    {
        var all = Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: Parent(pid), Command: Command(pid))).ToList();
        var roots = all.Where(p => p.Pid == appHost || p.Command.Contains($"--monitor {appHost} ", StringComparison.Ordinal)).Select(p => p.Pid).ToHashSet();
        var members = new HashSet<int>(roots);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var process in all.Where(p => members.Contains(p.Parent) && !members.Contains(p.Pid)))
            {
                grew |= members.Add(process.Pid);
            }
        }

        return new ProcessCensus([.. all.Where(p => members.Contains(p.Pid)).Select(p => new Entry(p.Pid, p.Command, Rss(p.Pid)))]);
    }

    /// <summary>
    /// Every live process working in or pointed at the data folder, whoever its parent: what a daemonizing child (an
    /// <c>epmd -daemon</c>, a postgres child whose postmaster died) would leave behind outside the census.
    /// </summary>
    public static IReadOnlyList<Entry> Using(string dataDirectory) =>
        [.. Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && State(pid) != 'Z' && (Link($"/proc/{pid}/cwd").StartsWith(dataDirectory, StringComparison.Ordinal)
                || Read($"/proc/{pid}/environ").Contains(dataDirectory, StringComparison.Ordinal)
                || Command(pid).Contains(dataDirectory, StringComparison.Ordinal)))
            .Select(pid => new Entry(pid, Command(pid), Rss(pid)))];

    /// <summary>Those still alive (zombies count as gone: they hold nothing but a table entry).</summary>
    public IReadOnlyList<Entry> StillRunning() =>
        [.. Processes.Where(p => File.Exists($"/proc/{p.Pid}/stat") && Command(p.Pid) == p.Command && State(p.Pid) != 'Z')];

    public string Summary() => string.Join(", ", Processes.GroupBy(p => p.Kind).OrderBy(g => g.Key)
        .Select(g => $"{g.Key} {g.Sum(p => p.RssKb) / 1024} MB ({g.Count()})"));

    private static int Parent(int pid) => Read($"/proc/{pid}/stat") is { Length: > 0 } stat && stat.LastIndexOf(')') is var end and > 0
        && int.TryParse(stat[(end + 2)..].Split(' ')[1], out var parent) ? parent : 0;

    private static char State(int pid) => Read($"/proc/{pid}/stat") is { Length: > 0 } stat && stat.LastIndexOf(')') is var end and > 0 ? stat[end + 2] : 'Z';

    private static string Command(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ');

    private static long Rss(int pid) => Read($"/proc/{pid}/status").Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
        && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb) ? kb : 0;

    private static string Link(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? "";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
