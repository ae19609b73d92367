using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PatientFlow.Testing.Identity;

/// <summary>
/// Gets tokens from PatientFlow's issuer the way its users do: a person through the sign-in page with the authorization
/// code flow and PKCE (the command-line client), an integrator with client credentials. The HTTP client must keep cookies
/// and must not follow redirects: every hop is checked.
/// </summary>
public static partial class IssuerClient
{
    public const string ToolsClient = "patientflow-cli";
    public const string ToolsRedirectUri = "http://127.0.0.1/signed-in";
    public const string DevelopmentPassword = "patientflow-dev";
    public const string StaffScopes = "openid profile offline_access patientflow";

    /// <summary>Signs <paramref name="userName"/> in and exchanges the code; throws, naming the hop, when any step does not go as a browser's would.</summary>
    public static async Task<TokenAnswer> SignInAsync(HttpClient issuer, string userName, string password = DevelopmentPassword, string scope = StaffScopes, CancellationToken ct = default)
    {
        var code = await AuthorizeAsync(issuer, userName, password, scope, ct);
        return await RedeemAsync(issuer, code.Code, code.Verifier, ct);
    }

    /// <summary>The authorization code (and the PKCE verifier that redeems it) for a person who signs in.</summary>
    public static async Task<(string Code, string Verifier)> AuthorizeAsync(HttpClient issuer, string userName, string password, string scope = StaffScopes, CancellationToken ct = default)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var authorize = "/connect/authorize?" + Query(
            ("client_id", ToolsClient), ("response_type", "code"), ("redirect_uri", ToolsRedirectUri), ("scope", scope),
            ("code_challenge", challenge), ("code_challenge_method", "S256"), ("state", state));

        var toSignIn = await ExpectRedirectAsync(issuer.GetAsync(authorize, ct), "authorize (not signed in)");
        var page = await issuer.GetAsync(toSignIn, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in page answered {(int)page.StatusCode}");
        }

        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["username"] = userName;
        fields["password"] = password;
        var back = await ExpectRedirectAsync(issuer.PostAsync("/account/login", new FormUrlEncodedContent(fields), ct), $"sign-in of {userName}");
        var toClient = await ExpectRedirectAsync(issuer.GetAsync(back, ct), "authorize (signed in)");
        if (!toClient.StartsWith(ToolsRedirectUri, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"authorize redirected to {toClient}, not to the client");
        }

        var answer = System.Web.HttpUtility.ParseQueryString(new Uri(toClient).Query);
        if (answer["error"] is { } error)
        {
            throw new InvalidOperationException($"authorize answered {error}: {answer["error_description"]}");
        }

        return answer["state"] == state
            ? (answer["code"] ?? throw new InvalidOperationException("no code in the redirect"), verifier)
            : throw new InvalidOperationException("the state came back changed");
    }

    public static Task<TokenAnswer> RedeemAsync(HttpClient issuer, string code, string verifier, CancellationToken ct = default) =>
        TokenAsync(issuer, ct, ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", ToolsRedirectUri), ("client_id", ToolsClient), ("code_verifier", verifier));

    public static Task<TokenAnswer> ClientCredentialsAsync(HttpClient issuer, string clientId, string secret, string scope, CancellationToken ct = default) =>
        TokenAsync(issuer, ct, ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", scope));

    public static Task<TokenAnswer> RefreshAsync(HttpClient issuer, string refreshToken, CancellationToken ct = default) =>
        TokenAsync(issuer, ct, ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", ToolsClient));

    /// <summary>The token endpoint's raw answer, for tests of refusals.</summary>
    public static Task<HttpResponseMessage> PostTokenAsync(HttpClient issuer, CancellationToken ct, params (string Name, string Value)[] form) =>
        issuer.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))), ct);

    private static async Task<TokenAnswer> TokenAsync(HttpClient issuer, CancellationToken ct, params (string Name, string Value)[] form)
    {
        using var response = await PostTokenAsync(issuer, ct, form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        return await response.Content.ReadFromJsonAsync<TokenAnswer>(ct) ?? throw new InvalidOperationException("empty token answer");
    }

    private static async Task<string> ExpectRedirectAsync(Task<HttpResponseMessage> sending, string hop)
    {
        using var response = await sending;
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther) || response.Headers.Location is null)
        {
            throw new InvalidOperationException($"{hop}: expected a redirect, got {(int)response.StatusCode}");
        }

        return response.Headers.Location.ToString();
    }

    private static string Query(params (string Name, string Value)[] pairs) =>
        string.Join('&', pairs.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}

/// <summary>The token endpoint's answer (RFC 6749 §5.1).</summary>
public sealed record TokenAnswer(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken);
