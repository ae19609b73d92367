using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PatientFlow.Identity.Storage;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Identity.Staff;

/// <summary>
/// The issuer's own sign-in page: user name and password, protected against cross-site posts, answering the same for a
/// wrong name as for a wrong password. After signing in the browser goes back to the authorization request it came from.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/login";

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        Page(http, antiforgery, returnUrl, failed: false);

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, IssuerDb db, ILoggerFactory logs, CancellationToken ct)
    {
        await antiforgery.ValidateRequestAsync(http);
        var form = await http.Request.ReadFormAsync(ct);
        string? returnUrl = form["returnUrl"];
        var staff = await StaffDirectory.CheckPasswordAsync(db, form["username"].ToString(), form["password"].ToString(), ct);
        var log = logs.CreateLogger(typeof(SignInPage));
        if (staff is null)
        {
            // The attempted user name is not logged: people type passwords into it.
            log.LogWarning("Sign-in refused from {Address}", http.Connection.RemoteIpAddress);
            return Page(http, antiforgery, returnUrl, failed: true);
        }

        var session = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, TokenClaims.Role);
        session.AddClaim(new Claim(Claims.Subject, staff.Id));
        session.AddClaim(new Claim(Claims.Name, staff.DisplayName));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(session));
        log.LogInformation("Staff {Subject} signed in from {Address}", staff.Id, http.Connection.RemoteIpAddress);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>Only a path on this issuer: never another site (an open redirect), never <c>//host</c> or <c>/\host</c>.</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        var message = failed ? "<p role=\"alert\">The user name or password is not right.</p>" : "";
        var body = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in · PatientFlow</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body>
            <main>
            <h1>Sign in to PatientFlow</h1>
            {message}
            <form method="post" action="{Path}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="returnUrl" value="{html.Encode(IsLocal(returnUrl) ? returnUrl! : "/")}">
            <p><label>User name <input name="username" autocomplete="username" required autofocus></label></p>
            <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p>
            </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(body, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
