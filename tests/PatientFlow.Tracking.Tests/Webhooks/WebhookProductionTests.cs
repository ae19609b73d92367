using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Integrators.Webhooks;
using PatientFlow.Tracking.Tests.Api;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>
/// Tracking as deployed (Production). The development-only setting for private targets cannot be set here at all: the
/// production guard refuses to start with it (ProductionGuardTests), so the rules below are the only ones.
/// </summary>
public sealed class ProductionWebhookFactory : TrackingFactory
{
    private readonly PemCertificate _keyRingCertificate = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting($"{KeyRingProtection.Section}:{nameof(KeyRingProtection.CertificatePath)}", _keyRingCertificate.CertificatePath);
        builder.UseSetting($"{KeyRingProtection.Section}:{nameof(KeyRingProtection.KeyPath)}", _keyRingCertificate.KeyPath);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _keyRingCertificate.Dispose();
    }
}

public class WebhookProductionTests(ProductionWebhookFactory factory) : IClassFixture<ProductionWebhookFactory>
{
    [Theory]
    [InlineData("http://93.184.216.34/hook", "must be an https URL")]
    [InlineData("http://127.0.0.1:9000/hook", "must be an https URL")]
    [InlineData("https://127.0.0.1:9000/hook", "loopback, private, link-local or reserved")]
    [InlineData("https://10.1.2.3/hook", "loopback, private, link-local or reserved")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest/meta-data", "loopback, private, link-local or reserved")]
    public async Task Register_PlainHttpOrPrivateTarget_422NamingUrl(string url, string problem)
    {
        var response = await factory.CreateClient(Roles.Integrator).PostAsJsonAsync("/api/tracking/webhooks", new { url });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var errors = (await response.ReadAsAsync<ValidationProblemDetails>()).Errors;
        errors.Keys.Should().Equal("url");
        errors["url"].Single().Should().Contain(problem);
    }

    [Fact]
    public async Task Register_HttpsPublicTarget_201()
    {
        var response = await factory.CreateClient(Roles.Integrator).PostAsJsonAsync("/api/tracking/webhooks", new { url = "https://93.184.216.34/hook" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.ReadAsAsync<RegisteredWebhook>()).Secret.Should().StartWith(WebhookSignature.SecretPrefix);
    }
}
