using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PatientFlow.Identity.Tests;

/// <summary>The issuer in process on the real test PostgreSQL, with its own database and the development seed.</summary>
public class IssuerFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DatabaseConnectionString { get; private set; } = "";

    /// <summary>Extra settings for a test's own issuer (e.g. another environment).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public string Environment { get; init; } = "Development";

    /// <summary>Set to reuse another factory's database (a restart of the same issuer).</summary>
    public string? Database { get; init; }

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync("identity");
        DatabaseConnectionString = Database ?? await servers.EnsureDatabaseAsync($"identity_{Guid.NewGuid():N}"[..21]);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:identity-db", DatabaseConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A browser-like client: keeps cookies, follows no redirect.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Validates an access token as a resource server does, with Microsoft's token handler and the issuer's published
    /// discovery document and keys (not OpenIddict's own code): RS256 only, audience <c>patientflow</c>, lifetime checked.
    /// </summary>
    public async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(Server.BaseAddress, ".well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(CreateClient()) { RequireHttps = false });
        var configuration = await metadata.GetConfigurationAsync(CancellationToken.None);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = "patientflow",
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["at+jwt", "JWT"],
        });
    }
}
