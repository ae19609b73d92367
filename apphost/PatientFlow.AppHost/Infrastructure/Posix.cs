using System.Runtime.InteropServices;

namespace PatientFlow.AppHost.Infrastructure;

/// <summary>The few libc calls .NET does not wrap: sending a chosen signal and changing a file's owner.</summary>
internal static partial class Posix
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    public static void ChangeOwner(string path, UnixUser user)
    {
        if (chown(path, user.Uid, user.Gid) != 0)
        {
            throw new IOException($"chown {user.Name} {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chown(string path, int owner, int group);
}
