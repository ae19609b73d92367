using System.Security.Cryptography;

namespace PatientFlow.AppHost.Infrastructure;

/// <summary>A password generated on first use and kept in the data folder, readable only by its owner.</summary>
internal static class Secret
{
    public static string ReadOrCreate(string path, UnixUser? owner = null)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        // Hex needs no escaping in connection strings or amqp:// URIs.
        var secret = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var pending = path + ".tmp";
        File.WriteAllText(pending, secret, new System.Text.UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(pending, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (owner is not null)
        {
            Posix.ChangeOwner(pending, owner);
        }

        File.Move(pending, path, overwrite: true);
        return secret;
    }
}
