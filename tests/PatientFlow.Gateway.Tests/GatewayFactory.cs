using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.Gateway.Tests;

/// <summary>The gateway in memory, its clusters pointed at the given addresses, with a test signing key.</summary>
public sealed class GatewayFactory(
    IReadOnlyDictionary<string, Uri> destinations,
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public static readonly string[] ServiceNames = ["scheduling", "intake", "lab", "referral", "billing", "tracking"];

    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Auth:SigningKey", _signingKey);
        foreach (var (service, address) in destinations)
        {
            builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:primary:Address", address.AbsoluteUri);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public string TokenFor(string role, string subject = "test-user") =>
        Services.GetRequiredService<TokenIssuer>().Issue(role, subject, TimeSpan.FromHours(1));

    public HttpClient CreateClient(string role, string subject = "test-user")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, subject));
        return client;
    }
}
