using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>
/// Where an identity provider puts a person's roles: <c>Auth:RoleClaimPaths</c>, a list of claim paths, e.g. <c>role</c>
/// (PatientFlow's issuer), <c>roles</c> (Microsoft Entra ID), <c>realm_access.roles</c> (Keycloak; a dot walks into a JSON
/// object claim). Every string found becomes a <c>role</c> claim, which is what the policies check.
/// </summary>
public sealed class RoleClaimPaths(IReadOnlyList<string> paths)
{
    public IReadOnlyList<string> Paths { get; } = paths;

    public static RoleClaimPaths From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth:RoleClaimPaths");
        var listed = section.GetChildren().Select(child => child.Value).OfType<string>().ToList();
        if (listed.Count == 0 && section.Value is { Length: > 0 } single)
        {
            listed = [.. single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return new RoleClaimPaths(listed.Count > 0 ? listed : [TokenClaims.Role]);
    }

    /// <summary>Adds a <c>role</c> claim for each role found on the paths that the identity does not carry yet.</summary>
    public void AddRoles(ClaimsIdentity identity)
    {
        var found = Paths.SelectMany(path => Find(identity, path)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var role in found.Where(role => !identity.HasClaim(TokenClaims.Role, role)))
        {
            identity.AddClaim(new Claim(TokenClaims.Role, role));
        }
    }

    private static IEnumerable<string> Find(ClaimsIdentity identity, string path)
    {
        var steps = path.Split('.');
        foreach (var claim in identity.FindAll(steps[0]))
        {
            if (steps.Length == 1)
            {
                yield return claim.Value;
                continue;
            }

            JsonElement value;
            try
            {
                value = JsonDocument.Parse(claim.Value).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }

            foreach (var step in steps.Skip(1))
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
                {
                    value = default;
                    break;
                }
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String))
                {
                    yield return item.GetString()!;
                }
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                yield return value.GetString()!;
            }
        }
    }
}
