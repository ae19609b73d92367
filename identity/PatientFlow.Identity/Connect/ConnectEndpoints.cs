using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Server.AspNetCore;
using PatientFlow.Identity.Clients;
using PatientFlow.Identity.Staff;
using PatientFlow.Identity.Storage;

namespace PatientFlow.Identity.Connect;

/// <summary>
/// The two OpenID Connect endpoints OpenIddict hands to the application once it has validated the request (client,
/// redirect URI, PKCE, scopes): authorization (who is signed in) and token (what the token says).
/// </summary>
public static class ConnectEndpoints
{
    private const string Issuer = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A person signed in (cookie) gets a code for the client; anyone else goes to the sign-in page first.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, IssuerDb db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var staff = session.Succeeded ? await StaffDirectory.FindActiveAsync(db, session.Principal!.GetClaim(Claims.Subject), ct) : null;
        if (staff is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "nobody is signed in");
            }

            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        return Results.SignIn(IssuedClaims.ForStaff(staff, request.GetScopes()), authenticationScheme: Issuer);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, IssuerDb db, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret and that every requested scope is granted to the client.
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct)
                ?? throw new InvalidOperationException("the client vanished after validation");
            var properties = await applications.GetPropertiesAsync(application, ct);
            var client = new ClientGrant(
                request.ClientId!,
                await applications.GetDisplayNameAsync(application, ct) ?? request.ClientId!,
                Strings(properties, IssuerSeed.RolesProperty),
                properties.TryGetValue(IssuerSeed.OrganizationProperty, out var org) ? org.GetString() ?? "" : "",
                Strings(properties, IssuerSeed.ClinicsProperty));
            return Results.SignIn(IssuedClaims.ForClient(client, request.GetScopes()), authenticationScheme: Issuer);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token names the person; their roles and clinics are read again, so a change (or a
            // deactivation) takes effect at the next refresh.
            var granted = await http.AuthenticateAsync(Issuer);
            var staff = await StaffDirectory.FindActiveAsync(db, granted.Principal?.GetClaim(Claims.Subject), ct);
            return staff is null
                ? Refuse(Errors.InvalidGrant, "the person is no longer active")
                : Results.SignIn(IssuedClaims.ForStaff(staff, granted.Principal!.GetScopes()), authenticationScheme: Issuer);
        }

        return Refuse(Errors.UnsupportedGrantType, "this grant type is not supported");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Issuer]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [Issuer]);

    private static string[] Strings(IReadOnlyDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(item => item.GetString()!)]
            : [];
}
