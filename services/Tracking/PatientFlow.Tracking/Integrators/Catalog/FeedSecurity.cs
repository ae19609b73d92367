using System.Text.Json.Nodes;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// The AsyncAPI security scheme of the feed: an OpenID Connect access token whose scopes, not the request, decide what a
/// subscriber receives. Named from <see cref="TokenScopes"/>, so the document cannot name a scope the services do not check.
/// </summary>
internal static class FeedSecurity
{
    public const string SchemeName = "integratorToken";

    public static JsonObject Scheme() => new()
    {
        ["type"] = "http",
        ["scheme"] = "bearer",
        ["bearerFormat"] = "JWT",
        ["description"] = $"""
            An access token of the `integrator` role from the platform's OpenID Connect issuer (client credentials). Its
            scopes decide what is delivered, whatever the subscription asks: `{TokenScopes.FeedIds}` the `ids` scope,
            `{TokenScopes.FeedClinical}` the `clinical` scope too (gRPC, server-sent events, pages, webhooks); webhooks also
            need `{TokenScopes.Webhooks}`. Its `clinic` claims decide which visits: a subscription's clinics must be among
            them, and one naming none receives the token's clinics. Asking beyond the token is refused (403 naming `scope` or
            `clinics`; gRPC PERMISSION_DENIED with a `field` trailer).
            """.ReplaceLineEndings("\n"),
    };
}
