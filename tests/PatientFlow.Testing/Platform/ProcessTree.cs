using System.Runtime.InteropServices;

namespace PatientFlow.Testing.Platform;

/// <summary>A process and everything it started, from /proc: what a crash or a freeze of a server or service takes down.</summary>
internal static partial class ProcessTree
{
    public const int SigKill = 9;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Signals the process and its descendants (children first for SIGKILL, so none is re-parented and missed).</summary>
    public static void Signal(int root, int signal)
    {
        var tree = Descendants(root).Prepend(root).ToList();
        if (signal == SigKill)
        {
            tree.Reverse();
        }

        foreach (var pid in tree)
        {
            kill(pid, signal);
        }
    }

    private static IEnumerable<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(Path.GetDirectoryName(stat)!));
                var parent = int.Parse(fields[1]);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
            catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
            {
            }
        }

        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                yield return child;
                pending.Enqueue(child);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
