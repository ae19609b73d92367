using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// The Data Protection keys that encrypt webhook secrets live in tracking's database beside the secrets, so they are
/// themselves encrypted there with a certificate the database never holds (a Kubernetes secret, a mounted PEM pair):
/// reading the database alone reveals no webhook secret. Outside Development the certificate is required. Rotating it:
/// configure the new one, move the old one to <c>Previous</c> (keys written under it still decrypt), and drop it once
/// Data Protection has rolled its keys (90 days).
/// </summary>
public sealed class KeyRingProtection
{
    public const string Section = "Tracking:Webhooks:KeyRing";

    /// <summary>PEM certificate (and its <c>KeyPath</c> private key) that encrypts new keys.</summary>
    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    /// <summary>Earlier certificates, kept to decrypt keys written under them.</summary>
    public List<PemPair> Previous { get; set; } = [];

    public sealed class PemPair
    {
        public string CertificatePath { get; set; } = "";

        public string KeyPath { get; set; } = "";
    }

    public static void Apply(IDataProtectionBuilder dataProtection, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(Section).Get<KeyRingProtection>() ?? new KeyRingProtection();
        if (settings.CertificatePath is not { Length: > 0 } certificatePath)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{Section}:{nameof(CertificatePath)} (and {nameof(KeyPath)}) must name a PEM certificate and key outside Development: " +
                    "the keys that encrypt webhook secrets are stored in the same database as the secrets and must not be readable there.");
            }

            return;
        }

        var current = Load(certificatePath, settings.KeyPath, $"{Section}:{nameof(CertificatePath)}");
        var previous = settings.Previous.Select((pair, i) => Load(pair.CertificatePath, pair.KeyPath, $"{Section}:{nameof(Previous)}:{i}"));
        dataProtection
            .ProtectKeysWithCertificate(current)
            // Decrypt with the certificates given here, not only with those in the machine's certificate store.
            .UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2 Load(string certificatePath, string? keyPath, string setting)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"{setting}: the certificate '{certificatePath}' with key '{keyPath}' cannot be read as PEM: {exception.Message}", exception);
        }
    }
}
