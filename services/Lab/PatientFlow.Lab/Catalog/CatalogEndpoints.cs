using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Lab.Catalog;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/lab/catalog").RequireAuthorization(AccessPolicies.Lab).MapGet("/", GetCatalog).RequireAuthorization(AccessPolicies.LabView).HoldsNoPhi();
        return app;
    }

    private static Ok<IReadOnlyList<LabTest>> GetCatalog(LabCatalog catalog) => TypedResults.Ok(catalog.Tests);
}
