using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.Gateway.Tests;

/// <summary>The gateway in memory, its clusters pointed at the given addresses, with a test signing key.</summary>
public sealed class GatewayFactory(
    IReadOnlyDictionary<string, Uri> destinations,
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
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

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>The gateway as Production starts it (<see cref="ProductionProfile"/>), with <paramref name="settings"/> on top.</summary>
    public static GatewayFactory Production(
        IReadOnlyDictionary<string, Uri> destinations, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        new(destinations, "Production", ProductionProfile.With(settings), services);

    public string TokenFor(string role, string subject = "test-user") =>
        Services.GetRequiredService<TokenIssuer>().Issue(role, subject, TimeSpan.FromHours(1));

    public HttpClient CreateClient(string role, string subject = "test-user")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, subject));
        return client;
    }
}
