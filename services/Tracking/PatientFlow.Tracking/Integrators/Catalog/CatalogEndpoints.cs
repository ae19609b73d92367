using PatientFlow.Platform.Audit;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>The event catalog, readable without a token like each service's OpenAPI document.</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        // Generated once: the contracts cannot change while the process runs.
        var document = EventCatalog.GenerateJson();
        app.MapGet("/api/tracking/catalog/asyncapi.json", () => Results.Text(document, "application/json")).HoldsNoPhi()
            .AllowAnonymous()
            .WithTags("Integrator feed");
        return app;
    }
}
