using System.Security.Claims;

namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>
/// What a validated token says about its holder, read the same way everywhere: subject, organisation, the clinics they
/// may act in and the scopes granted. <c>scope</c> is read both as one space-separated claim (RFC 9068, OpenIddict) and
/// as one claim per scope (Entra's <c>scp</c> likewise).
/// </summary>
public static class CallerClaims
{
    public static string Subject(this ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "";

    public static string? Organization(this ClaimsPrincipal user) => user.FindFirst(TokenClaims.Organization)?.Value;

    public static IReadOnlySet<string> Scopes(this ClaimsPrincipal user) =>
        user.FindAll(claim => claim.Type is "scope" or "scp")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.Scopes().Contains(scope);

    /// <summary>The clinic codes on the token, <see cref="TokenClaims.AllClinics"/> included as written.</summary>
    public static IReadOnlyList<string> Clinics(this ClaimsPrincipal user) =>
        [.. user.FindAll(TokenClaims.Clinic).Select(claim => claim.Value).Where(value => value.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>True when the token grants every clinic of its organisation.</summary>
    public static bool HasAllClinics(this ClaimsPrincipal user) => user.HasClaim(TokenClaims.Clinic, TokenClaims.AllClinics);

    /// <summary>True when the holder may act in <paramref name="clinic"/>: it is on their token, or they have every clinic.</summary>
    public static bool MayActIn(this ClaimsPrincipal user, string clinic) =>
        user.HasAllClinics() || user.HasClaim(TokenClaims.Clinic, clinic);
}
