using System.Runtime.InteropServices;

namespace PatientFlow.AppHost.Infrastructure;

/// <summary>The libc call .NET does not wrap: changing a file's owner (PostgreSQL's folder, as root).</summary>
internal static partial class Posix
{
    public static void ChangeOwner(string path, UnixUser user)
    {
        if (chown(path, user.Uid, user.Gid) != 0)
        {
            throw new IOException($"chown {user.Name} {path} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chown(string path, int owner, int group);
}
