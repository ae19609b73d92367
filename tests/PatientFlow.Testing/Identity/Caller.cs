using System.Security.Claims;
using PatientFlow.ServiceDefaults.Auth;
using RoleNames = PatientFlow.ServiceDefaults.Auth.Roles;

namespace PatientFlow.Testing.Identity;

/// <summary>
/// Who a test request comes from, as the issuer would describe them in a token: a staff member (roles, organisation,
/// clinics) or an integrator client (its granted scopes and clinics).
/// </summary>
public sealed record Caller(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Clinics, IReadOnlyList<string> Scopes, string Organization)
{
    public const string DefaultOrganization = "patientflow-health";

    /// <summary>A member of staff with <paramref name="role"/>; every clinic unless <paramref name="clinics"/> are given.</summary>
    public static Caller Staff(string role, params string[] clinics) =>
        new($"test-{role}", [role], clinics.Length == 0 ? [TokenClaims.AllClinics] : clinics, [TokenScopes.Api], DefaultOrganization);

    /// <summary>An integrator client granted <paramref name="scopes"/>; every clinic unless <paramref name="clinics"/> are given.</summary>
    public static Caller Integrator(IReadOnlyList<string> scopes, params string[] clinics) =>
        new($"test-{RoleNames.Integrator}", [RoleNames.Integrator], clinics.Length == 0 ? [TokenClaims.AllClinics] : clinics, scopes, DefaultOrganization);

    /// <summary>
    /// What a test that only names a role gets: staff of that role in every clinic, or an integrator granted every
    /// integrator scope in every clinic.
    /// </summary>
    public static Caller ForRole(string role) =>
        role == RoleNames.Integrator ? Integrator(TokenScopes.Integrator) : Staff(role);

    public Caller WithSubject(string subject) => this with { Subject = subject };

    /// <summary>The claims a token for this caller carries.</summary>
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim("sub", Subject);
        yield return new Claim(TokenClaims.Organization, Organization);
        foreach (var role in Roles)
        {
            yield return new Claim(TokenClaims.Role, role);
        }

        foreach (var clinic in Clinics)
        {
            yield return new Claim(TokenClaims.Clinic, clinic);
        }

        if (Scopes.Count > 0)
        {
            yield return new Claim("scope", string.Join(' ', Scopes));
        }
    }
}
