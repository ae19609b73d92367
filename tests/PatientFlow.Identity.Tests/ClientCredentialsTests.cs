using Microsoft.IdentityModel.JsonWebTokens;

namespace PatientFlow.Identity.Tests;

public class ClientCredentialsTests(IssuerFactory issuer) : IClassFixture<IssuerFactory>
{
    private const string NorthIds = "integrator-north-ids";
    private const string NorthIdsSecret = "integrator-north-ids-development-secret";

    [Fact]
    public async Task Integrator_GetsAnRs256TokenForPatientFlow_CarryingItsGrantedScopesRoleAndClinics_For15MinutesAtMost()
    {
        var answer = await IssuerClient.ClientCredentialsAsync(issuer.CreateClient(), NorthIds, NorthIdsSecret, "feed.ids webhooks");

        var validated = await issuer.ValidateAsync(answer.AccessToken);
        validated.IsValid.Should().BeTrue(validated.Exception?.Message);
        var token = (JsonWebToken)validated.SecurityToken;
        token.Alg.Should().Be("RS256");
        token.Subject.Should().Be(NorthIds);
        token.Audiences.Should().Equal("patientflow");
        token.Claims.Where(c => c.Type == "role").Select(c => c.Value).Should().Equal("integrator");
        token.Claims.Where(c => c.Type == "clinic").Select(c => c.Value).Should().Equal("north");
        token.GetClaim("org").Value.Should().Be("patientflow-health");
        token.GetClaim("scope").Value.Split(' ').Should().BeEquivalentTo("feed.ids", "webhooks");
        (token.ValidTo - token.IssuedAt).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
        answer.ExpiresIn.Should().BeInRange(1, 900);
        answer.RefreshToken.Should().BeNull("client credentials get no refresh token");
    }

    [Fact]
    public async Task Integrator_AskingForAScopeItWasNotGranted_IsRefused()
    {
        using var response = await IssuerClient.PostTokenAsync(issuer.CreateClient(), CancellationToken.None,
            ("grant_type", "client_credentials"), ("client_id", NorthIds), ("client_secret", NorthIdsSecret), ("scope", "feed.ids feed.clinical"));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        // OpenIddict answers invalid_request (its ID2051) where RFC 6749 would say invalid_scope; no token either way.
        var refusal = JsonDocument.Parse(body).RootElement;
        refusal.GetProperty("error").GetString().Should().BeOneOf("invalid_scope", "invalid_request");
        refusal.GetProperty("error_description").GetString().Should().Contain("not allowed to use the specified scope");
        refusal.TryGetProperty("access_token", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(NorthIds, "not-the-secret")]
    [InlineData("no-such-client", NorthIdsSecret)]
    [InlineData("patientflow-cli", "")]
    public async Task WrongSecret_UnknownClient_OrAPublicClient_GetsNoToken(string clientId, string secret)
    {
        using var response = await IssuerClient.PostTokenAsync(issuer.CreateClient(), CancellationToken.None,
            ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", "feed.ids"));

        response.IsSuccessStatusCode.Should().BeFalse();
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()
            .Should().BeOneOf("invalid_client", "unauthorized_client", "invalid_request");
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKey_OrUnsigned_DoesNotValidate()
    {
        var genuine = (await IssuerClient.ClientCredentialsAsync(issuer.CreateClient(), NorthIds, NorthIdsSecret, "feed.ids")).AccessToken;
        var parts = genuine.Split('.');
        var unsigned = Base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
        var tampered = parts[0] + "." + Base64Url(JsonSerializer.Serialize(new { sub = "someone-else", aud = "patientflow" })) + "." + parts[2];

        (await issuer.ValidateAsync(unsigned)).IsValid.Should().BeFalse();
        (await issuer.ValidateAsync(tampered)).IsValid.Should().BeFalse();
        (await issuer.ValidateAsync(genuine)).IsValid.Should().BeTrue();
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
