namespace PatientFlow.AppHost.Infrastructure;

/// <summary>
/// One run per data folder: a second run would take the first one's pid files for leftovers
/// and stop its servers. The OS drops the lock when the holder dies, even by SIGKILL.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream stream;

    private DataDirectoryLock(FileStream stream) => this.stream = stream;

    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, ".lock");
        try
        {
            // FileShare.None takes an exclusive flock on Unix.
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"The data folder {dataDirectory} is in use by another PatientFlow run; stop it or choose another folder.", exception);
        }
    }

    public void Dispose() => stream.Dispose();
}
