using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PatientFlow.Gateway.Tests;

/// <summary>
/// What a Production gateway needs to start: an https:// address and a certificate for it (a self-signed one made for
/// the test run). The signing key is the factory's own random one.
/// </summary>
public static class ProductionProfile
{
    public const string CertificatePassword = "test-only";

    private static readonly Lazy<string> Certificate = new(WriteCertificate);

    /// <summary>A PFX file, valid for localhost, 127.0.0.1 and patientflow.test.</summary>
    public static string CertificatePath => Certificate.Value;

    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "https://127.0.0.1:0",
            ["Kestrel:Certificates:Default:Path"] = CertificatePath,
            ["Kestrel:Certificates:Default:Password"] = CertificatePassword,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=patientflow.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("patientflow.test");
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), $"patientflow-gateway-tests-{Environment.ProcessId}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }
}
