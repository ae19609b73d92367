using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>Issuer, audience and signing key shared by the gateway and every service.</summary>
public sealed record TokenSettings(string Issuer, string Audience, SymmetricSecurityKey SigningKey)
{
    public const string DefaultIssuer = "patientflow";
    public const string DefaultAudience = "patientflow";

    /// <summary>
    /// Reads <c>Auth:SigningKey</c> (base64, at least 32 bytes). Development falls back to a key
    /// derived from a public string so a newcomer can try the API; any other environment must set one.
    /// </summary>
    public static TokenSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Auth:SigningKey"];
        byte[] key;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            key = Convert.FromBase64String(configured);
        }
        else if (environment.IsDevelopment())
        {
            key = DevelopmentSigningKey();
        }
        else
        {
            throw new InvalidOperationException("Auth:SigningKey must be set outside Development (base64, 32 bytes or more).");
        }

        if (key.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }

        return new TokenSettings(
            configuration["Auth:Issuer"] ?? DefaultIssuer,
            configuration["Auth:Audience"] ?? DefaultAudience,
            new SymmetricSecurityKey(key));
    }

    /// <summary>Derived from a string anyone can read here: Production refuses it (ProductionGuard).</summary>
    internal static byte[] DevelopmentSigningKey() => SHA256.HashData(Encoding.UTF8.GetBytes("patientflow-development-signing-key"));
}
