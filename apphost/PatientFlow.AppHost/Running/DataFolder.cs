using PatientFlow.AppHost.Terminal;
using PatientFlow.LocalInfrastructure;

namespace PatientFlow.AppHost.Running;

/// <summary>The <c>--fresh</c> wipe: stops what an earlier run left behind, then deletes the data.</summary>
internal static class DataFolder
{
    public static async Task WipeAsync(string dataDirectory, ConsoleOutput output)
    {
        if (!Directory.Exists(dataDirectory))
        {
            return;
        }

        using (DataDirectoryLock.Acquire(dataDirectory))
        {
            await PidFile.StopLeftoversAsync(Path.Combine(dataDirectory, "pids"), output.Progress);
            output.Progress($"wiping {dataDirectory}");
            foreach (var entry in new DirectoryInfo(dataDirectory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else if (entry.Name != ".lock")
                {
                    entry.Delete();
                }
            }
        }
    }
}
