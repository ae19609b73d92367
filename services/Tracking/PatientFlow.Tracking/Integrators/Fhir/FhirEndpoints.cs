using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using System.Security.Claims;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// FHIR R4 read and search over the journey log, for integrators: <c>metadata</c>, <c>{type}/{id}</c> and
/// <c>{type}?patient=|subject=|encounter=</c>. Every answer is built from the visits' events on request. Each type needs
/// its <c>system/{type}.read</c> scope (403 otherwise), and only visits of the token's clinics are read (another clinic's
/// resource is 404, as if unknown).
/// </summary>
public static class FhirEndpoints
{
    public const string BasePath = "/api/tracking/fhir";

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        // FHIR clients fetch metadata with their token too: it is behind the same policy.
        var fhir = app.MapGroup(BasePath)
            .RequireAuthorization(AccessPolicies.IntegratorFeed)
            .WithTags("FHIR R4")
            .AddEndpointFilter(FhirResult.FromDomainErrors);
        fhir.Audited("fhir-resource", AuditAction.Disclosure);
        fhir.MapGet("/metadata", GetMetadata).HoldsNoPhi();
        fhir.MapGet("/{type}/{id}", ReadAsync);
        fhir.MapGet("/{type}", SearchAsync);
        return app;
    }

    private static FhirResult GetMetadata(HttpRequest request, TimeProvider clock) =>
        FhirResult.Ok(FhirCapabilities.Statement(BaseUrl(request), clock.GetUtcNow()));

    private static async Task<FhirResult> ReadAsync(string type, string id, ClaimsPrincipal user, ClinicScope clinics, FhirReader reader, CancellationToken ct) =>
        !FhirCapabilities.Serves(type) ? FhirResult.Unsupported(type)
        : !MayRead(user, type) ? FhirResult.NotGranted(type)
        : FhirResult.Ok(await reader.ReadAsync(type, id, clinics, ct));

    private static async Task<FhirResult> SearchAsync(string type, HttpRequest request, ClaimsPrincipal user, ClinicScope clinics, FhirReader reader, CancellationToken ct)
    {
        if (!FhirCapabilities.Serves(type))
        {
            return FhirResult.Unsupported(type);
        }

        if (!MayRead(user, type))
        {
            return FhirResult.NotGranted(type);
        }

        var search = FhirSearch.Parse(type, request.Query);
        var matches = await reader.SearchAsync(type, search, clinics, ct);
        var baseUrl = BaseUrl(request);
        return FhirResult.Ok(SearchBundles.Of(matches, search.Count, baseUrl, $"{baseUrl}/{type}{request.QueryString}"));
    }

    /// <summary>SMART backend-services style: each resource type needs its own <c>system/{type}.read</c> scope on the token.</summary>
    private static bool MayRead(ClaimsPrincipal user, string type) => user.HasScope(TokenScopes.FhirRead(type));

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
}
