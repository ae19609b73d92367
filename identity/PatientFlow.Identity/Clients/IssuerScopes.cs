using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Identity.Clients;

/// <summary>The scopes the issuer knows (<see cref="TokenScopes"/>). A client is granted a subset of them; a request for any other is refused.</summary>
public static class IssuerScopes
{
    public static readonly string[] All =
    [
        OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.OfflineAccess,
        TokenScopes.Api, .. TokenScopes.Integrator,
    ];
}
