using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>A self-signed certificate written as a PEM certificate and key pair, as a mounted Kubernetes secret holds one.</summary>
public sealed class PemCertificate : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("patientflow-pem-").FullName;

    public PemCertificate(string subject = "patientflow-tracking-key-ring")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        CertificatePath = Path.Combine(_folder, "tls.crt");
        KeyPath = Path.Combine(_folder, "tls.key");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
