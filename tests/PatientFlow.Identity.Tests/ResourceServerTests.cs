using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Identity.Tests;

/// <summary>A service's authentication (ServiceDefaults) pointed at the issuer: it holds no key and takes what the issuer signs.</summary>
public class ResourceServerTests(IssuerFactory issuer) : IClassFixture<IssuerFactory>, IAsyncLifetime
{
    private WebApplication? _service;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Authority"] = issuer.Server.BaseAddress.ToString();
        builder.AddPatientFlowAuthentication();
        // The issuer runs in process: its discovery document and keys are fetched through its test server.
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = issuer.Server.CreateHandler());
        _service = builder.Build();
        _service.UseAuthentication();
        _service.UseAuthorization();
        _service.MapGet("/api/scheduling/whoami", (ClaimsPrincipal user) => new Caller(
                user.FindFirstValue("sub")!,
                [.. user.FindAll(TokenClaims.Role).Select(c => c.Value)],
                [.. user.FindAll(TokenClaims.Clinic).Select(c => c.Value)]))
            .RequireAuthorization(AccessPolicies.Scheduling);
        await _service.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task StaffToken_FromTheIssuer_IsAccepted_WithItsRolesAndClinics()
    {
        var token = await IssuerClient.SignInAsync(issuer.Browser(), "frontdesk.east");

        using var response = await Call(token.AccessToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var caller = await response.Content.ReadFromJsonAsync<Caller>();
        caller.Should().BeEquivalentTo(new Caller("staff-frontdesk.east", ["front-desk"], ["east"]));
    }

    [Fact]
    public async Task IntegratorToken_OnAStaffRoute_IsForbidden()
    {
        var token = await IssuerClient.ClientCredentialsAsync(issuer.CreateClient(), "integrator-north-ids", "integrator-north-ids-development-secret", "feed.ids");

        (await Call(token.AccessToken)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SharedKeyToken_UnsignedToken_AndGarbage_AreRefused()
    {
        var genuine = (await IssuerClient.SignInAsync(issuer.Browser(), "clinician.north")).AccessToken;
        var sharedKey = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            new JsonWebToken(genuine).Issuer, "patientflow", [new Claim("sub", "mallory"), new Claim("role", "front-desk")],
            DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5),
            new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256)));
        var unsigned = string.Join('.', Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}"), genuine.Split('.')[1], "");

        (await Call(sharedKey)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Call(unsigned)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Call("not-a-token")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Call(genuine)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("roles", "roles", "[\"front-desk\",\"ops\"]", "front-desk,ops")]
    [InlineData("realm_access.roles", "realm_access", "{\"roles\":[\"clinician\"],\"other\":1}", "clinician")]
    [InlineData("role", "roles", "[\"ops\"]", "")]
    public void RoleClaimPaths_ReadEntraAndKeycloakShapes(string path, string claimType, string claimJson, string expected)
    {
        var identity = new ClaimsIdentity("test");
        using var json = JsonDocument.Parse(claimJson);
        if (json.RootElement.ValueKind == JsonValueKind.Array)
        {
            identity.AddClaims(json.RootElement.EnumerateArray().Select(item => new Claim(claimType, item.GetString()!)));
        }
        else
        {
            identity.AddClaim(new Claim(claimType, claimJson, "JSON"));
        }

        new RoleClaimPaths([path]).AddRoles(identity);

        identity.FindAll(TokenClaims.Role).Select(c => c.Value).Should().Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<HttpResponseMessage> Call(string token)
    {
        var client = _service!.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/scheduling/whoami");
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Caller(string Subject, string[] Roles, string[] Clinics);
}
