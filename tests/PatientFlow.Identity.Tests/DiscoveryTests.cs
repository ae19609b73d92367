using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Identity.Storage;

namespace PatientFlow.Identity.Tests;

public class DiscoveryTests(IssuerFactory issuer) : IClassFixture<IssuerFactory>
{
    [Fact]
    public async Task Discovery_PublishesCodeFlowWithPkceClientCredentialsRefreshAndRs256()
    {
        var discovery = await issuer.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Strings(discovery, "grant_types_supported").Should().Contain(["authorization_code", "client_credentials", "refresh_token"]);
        Strings(discovery, "grant_types_supported").Should().NotContain(["password", "implicit"]);
        Strings(discovery, "code_challenge_methods_supported").Should().Equal("S256");
        Strings(discovery, "response_types_supported").Should().Equal("code");
        Strings(discovery, "id_token_signing_alg_values_supported").Should().Contain("RS256");
        Strings(discovery, "scopes_supported").Should().Contain(["feed.ids", "feed.clinical", "system/Observation.read", "patientflow"]);
        discovery.GetProperty("jwks_uri").GetString().Should().EndWith("/.well-known/jwks");
    }

    [Fact]
    public async Task Jwks_PublishesOneRsaSigningKeyWithoutItsPrivateParts()
    {
        var jwks = await issuer.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks");

        var key = jwks.GetProperty("keys").EnumerateArray().Should().ContainSingle().Subject;
        key.GetProperty("kty").GetString().Should().Be("RSA");
        key.GetProperty("use").GetString().Should().Be("sig");
        key.GetProperty("kid").GetString().Should().NotBeNullOrEmpty();
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
        {
            key.TryGetProperty(secret, out _).Should().BeFalse($"the private parameter '{secret}' must never be published");
        }
    }

    [Fact]
    public async Task Restart_OnTheSameDatabase_KeepsTheSigningKey_SoTokensIssuedBeforeStillValidate()
    {
        var token = await IssuerClient.ClientCredentialsAsync(issuer.CreateClient(), "integrator-north-ids", "integrator-north-ids-development-secret", "feed.ids");
        var kid = await KeyIdAsync(issuer);

        await using var restarted = new IssuerFactory { Database = issuer.DatabaseConnectionString };
        await restarted.InitializeAsync();

        (await KeyIdAsync(restarted)).Should().Be(kid);
        (await restarted.ValidateAsync(token.AccessToken)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task Production_WithoutKeyFiles_RefusesToStart_NamingTheSettings()
    {
        await using var production = new IssuerFactory { Environment = "Production", Database = issuer.DatabaseConnectionString };
        // The services' shared-key setting is still required of every process until they validate through the issuer.
        production.Settings["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);
        await production.InitializeAsync();

        var start = () => production.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*Identity:SigningKeyFile*Identity:EncryptionKeyFile*");
    }

    [Fact]
    public async Task Database_HoldsNoPlainPasswordsAndNoPlainClientSecrets()
    {
        await using var scope = issuer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IssuerDb>();

        var hashes = await db.Staff.Select(s => s.PasswordHash).ToListAsync();
        var secrets = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientSecret != null).Select(a => a.ClientSecret!).ToListAsync();

        hashes.Should().NotBeEmpty().And.NotContain(h => h.Contains(IssuerClient.DevelopmentPassword));
        secrets.Should().NotBeEmpty().And.NotContain(s => s.Contains("development-secret"));
    }

    private static async Task<string> KeyIdAsync(IssuerFactory factory) =>
        (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/jwks")).GetProperty("keys")[0].GetProperty("kid").GetString()!;

    private static string[] Strings(JsonElement document, string name) =>
        [.. document.GetProperty(name).EnumerateArray().Select(item => item.GetString()!)];
}
