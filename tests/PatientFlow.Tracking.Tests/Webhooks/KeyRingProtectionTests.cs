using System.Security.Cryptography;
using System.Xml.Linq;
using FluentAssertions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PatientFlow.Tracking.Integrators.Webhooks;
using Xunit;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>
/// The key ring's own encryption: with the certificate configured no key is written in clear; after the certificate is
/// rotated, keys written under the old one still decrypt while it is listed as previous, and not once it is dropped.
/// </summary>
public class KeyRingProtectionTests
{
    private const string Purpose = "key-ring-protection-test";

    [Fact]
    public void Protect_WithACertificate_WritesNoKeyInClear()
    {
        using var certificate = new PemCertificate();
        var ring = new InMemoryRing();

        var protector = Protector(ring, Settings(certificate));
        protector.Protect("whsec_example");

        ring.Elements.Should().ContainSingle();
        var xml = ring.Elements.Single().ToString();
        xml.Should().Contain("<encryptedSecret").And.NotContain("<masterKey");
    }

    [Fact]
    public void Unprotect_AfterRotation_DecryptsWhileThePreviousCertificateIsListed_AndNotOnceItIsDropped()
    {
        using var older = new PemCertificate("older");
        using var newer = new PemCertificate("newer");
        var ring = new InMemoryRing();
        var secret = Protector(ring, Settings(older)).Protect("whsec_example");

        var rotated = Protector(ring, Settings(newer, previous: older));
        var dropped = Protector(ring, Settings(newer));

        rotated.Unprotect(secret).Should().Be("whsec_example");
        var unprotecting = () => dropped.Unprotect(secret);
        unprotecting.Should().Throw<CryptographicException>();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Apply_OutsideDevelopmentWithoutACertificate_RefusesNamingTheSetting(string environment)
    {
        var applying = () => KeyRingProtection.Apply(
            new ServiceCollection().AddDataProtection(), new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = environment });

        applying.Should().Throw<InvalidOperationException>().WithMessage("*Tracking:Webhooks:KeyRing:CertificatePath*");
    }

    [Fact]
    public void Apply_UnreadableCertificate_RefusesNamingTheSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tracking:Webhooks:KeyRing:CertificatePath"] = "/nonexistent/tls.crt",
            ["Tracking:Webhooks:KeyRing:KeyPath"] = "/nonexistent/tls.key",
        };

        var applying = () => KeyRingProtection.Apply(
            new ServiceCollection().AddDataProtection(), new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = "Production" });

        applying.Should().Throw<InvalidOperationException>().WithMessage("*Tracking:Webhooks:KeyRing:CertificatePath*/nonexistent/tls.crt*");
    }

    private static Dictionary<string, string?> Settings(PemCertificate current, PemCertificate? previous = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tracking:Webhooks:KeyRing:CertificatePath"] = current.CertificatePath,
            ["Tracking:Webhooks:KeyRing:KeyPath"] = current.KeyPath,
        };
        if (previous is not null)
        {
            settings["Tracking:Webhooks:KeyRing:Previous:0:CertificatePath"] = previous.CertificatePath;
            settings["Tracking:Webhooks:KeyRing:Previous:0:KeyPath"] = previous.KeyPath;
        }

        return settings;
    }

    /// <summary>A fresh process's protector over <paramref name="ring"/>, configured as tracking configures it.</summary>
    private static IDataProtector Protector(InMemoryRing ring, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        var dataProtection = services.AddDataProtection().SetApplicationName(WebhookSecrets.ApplicationName);
        KeyRingProtection.Apply(dataProtection, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = "Production" });
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = ring);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
    }

    private sealed class InMemoryRing : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => [.. Elements];

        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }
}
