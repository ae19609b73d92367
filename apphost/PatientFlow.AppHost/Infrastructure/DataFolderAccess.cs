namespace PatientFlow.AppHost.Infrastructure;

/// <summary>
/// Prepares a folder for a server that runs as another OS user: the folder becomes theirs,
/// and every parent gets the "others may traverse" bit (o+x, not read) so they can reach it.
/// </summary>
internal static class DataFolderAccess
{
    public static void GiveTo(string folder, UnixUser user, Action<string> log)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(folder);
        Posix.ChangeOwner(folder, user);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        for (var parent = Directory.GetParent(folder); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent.FullName, mode | UnixFileMode.OtherExecute);
                log($"allowed others to traverse {parent.FullName} (chmod o+x) so user {user.Name} can reach {folder}");
            }
        }
    }
}
