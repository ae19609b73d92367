namespace PatientFlow.Identity.Clients;

/// <summary>
/// <c>Identity:Clients:&lt;client id&gt;</c>: an application allowed to ask for tokens. Integrators are confidential clients
/// using client credentials, granted exactly the scopes, roles and clinics listed here; the pages and command-line tools
/// are public clients signing a person in with the authorization code flow and PKCE.
/// </summary>
public sealed class ClientSettings
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for confidential clients only; stored hashed by OpenIddict.</summary>
    public string? Secret { get; set; }

    /// <summary><c>authorization_code</c>, <c>client_credentials</c>, <c>refresh_token</c>.</summary>
    public string[] Grants { get; set; } = [];

    public string[] RedirectUris { get; set; } = [];

    public string[] PostLogoutRedirectUris { get; set; } = [];

    /// <summary>Scopes the client may ask for (a person's sign-in also gets <c>openid</c>, <c>profile</c>, <c>offline_access</c> when listed).</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>For client credentials: the roles, organisation and clinics its tokens carry.</summary>
    public string[] Roles { get; set; } = [];

    public string Organization { get; set; } = "";

    public string[] Clinics { get; set; } = [];
}

/// <summary>What a client-credentials token says about the client, read back from the stored application.</summary>
public sealed record ClientGrant(string ClientId, string DisplayName, string[] Roles, string Organization, string[] Clinics);
