using System.Security.Cryptography;

namespace PatientFlow.AppHost.Running;

/// <summary>The JWT signing key every service shares; kept in the data folder so tokens survive restarts.</summary>
internal static class SigningKey
{
    public static string ReadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "auth", "signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
