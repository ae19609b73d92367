using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>Signs tokens with the shared key: the gateway's development endpoint and the tests use it.</summary>
public sealed class TokenIssuer(TokenSettings settings, TimeProvider time)
{
    /// <summary>A development token: the role, in every clinic of the default organisation (services check both).</summary>
    public string Issue(string role, string subject, TimeSpan lifetime) =>
        Issue([new Claim("sub", subject), new Claim(TokenClaims.Role, role), new Claim(TokenClaims.Organization, DevelopmentOrganization), new Claim(TokenClaims.Clinic, TokenClaims.AllClinics)], lifetime);

    /// <summary>The organisation a service serves unless <c>PatientFlow:Organization</c> names another.</summary>
    public const string DevelopmentOrganization = "patientflow-health";

    /// <summary>A token with exactly <paramref name="claims"/> (<c>sub</c> among them).</summary>
    public string Issue(IEnumerable<Claim> claims, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var token = new JwtSecurityToken(
            settings.Issuer,
            settings.Audience,
            claims,
            notBefore: now.UtcDateTime,
            expires: now.Add(lifetime).UtcDateTime,
            signingCredentials: new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
