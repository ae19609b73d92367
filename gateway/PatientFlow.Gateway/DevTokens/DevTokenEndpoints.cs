using System.Security.Claims;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Gateway.DevTokens;

public sealed record DevTokenRequest(string Role, string? Subject = null);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role);

/// <summary>
/// Hands out signed tokens so a newcomer can try the API without an identity provider.
/// Mapped in Development (or where <c>Gateway:DevTokens</c> is true): anywhere else the path does not exist, and
/// Production refuses to start with the setting on (ProductionGuard).
/// </summary>
public static class DevTokenEndpoints
{
    public const string Setting = "Gateway:DevTokens";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const string DevelopmentOrganization = "patientflow-health";

    public static WebApplication MapDevTokens(this WebApplication app)
    {
        if (app.Configuration.GetValue(Setting, app.Environment.IsDevelopment()))
        {
            app.MapPost("/dev/token", IssueToken).AllowAnonymous();
        }

        return app;
    }

    private static DevTokenResponse IssueToken(DevTokenRequest request, TokenIssuer issuer)
    {
        if (!Roles.All.Contains(request.Role))
        {
            throw new InvalidFieldException("role", $"must be one of: {string.Join(", ", Roles.All)}");
        }

        var subject = string.IsNullOrWhiteSpace(request.Subject) ? $"dev-{request.Role}" : request.Subject;
        // What the development issuer's seeded accounts carry: every clinic of the development organisation, and for an
        // integrator every integrator scope (the services read clinics and scopes from the token, never from the request).
        Claim[] claims =
        [
            new("sub", subject),
            new(TokenClaims.Role, request.Role),
            new(TokenClaims.Organization, DevelopmentOrganization),
            new(TokenClaims.Clinic, TokenClaims.AllClinics),
            new("scope", request.Role == Roles.Integrator ? string.Join(' ', TokenScopes.Integrator) : TokenScopes.Api),
        ];
        var token = issuer.Issue(claims, Lifetime);
        return new DevTokenResponse(token, "Bearer", (int)Lifetime.TotalSeconds, request.Role);
    }
}
