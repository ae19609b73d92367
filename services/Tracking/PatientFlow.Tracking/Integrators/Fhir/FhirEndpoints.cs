using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// FHIR R4 read and search over the journey log, for integrators: <c>metadata</c>, <c>{type}/{id}</c> and
/// <c>{type}?patient=|subject=|encounter=</c>. Every answer is built from the visits' events on request.
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

    private static async Task<FhirResult> ReadAsync(string type, string id, FhirReader reader, CancellationToken ct) =>
        FhirCapabilities.Serves(type) ? FhirResult.Ok(await reader.ReadAsync(type, id, ct)) : FhirResult.Unsupported(type);

    private static async Task<FhirResult> SearchAsync(string type, HttpRequest request, FhirReader reader, CancellationToken ct)
    {
        if (!FhirCapabilities.Serves(type))
        {
            return FhirResult.Unsupported(type);
        }

        var search = FhirSearch.Parse(type, request.Query);
        var matches = await reader.SearchAsync(type, search, ct);
        var baseUrl = BaseUrl(request);
        return FhirResult.Ok(SearchBundles.Of(matches, search.Count, baseUrl, $"{baseUrl}/{type}{request.QueryString}"));
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
}
