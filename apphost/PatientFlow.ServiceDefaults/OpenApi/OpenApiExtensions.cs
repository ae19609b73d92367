using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace PatientFlow.ServiceDefaults.OpenApi;

/// <summary>
/// Each service documents its own API at <c>/api/&lt;service&gt;/openapi/v1.json</c>, served through the
/// gateway without a token: what a client may call, with which roles, bodies and problem answers.
/// </summary>
public static class OpenApiExtensions
{
    public static IServiceCollection AddPatientFlowOpenApi(this IServiceCollection services, string service) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = $"PatientFlow {service} API",
                    Version = "v1",
                    Description = $"The {service} service of PatientFlow. Every call needs a bearer token whose role the endpoint's policy admits; "
                        + "errors are RFC 9457 problem details (422 names the field, 409 names the conflict, 412 answers a stale If-Match).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var policies = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                    .Select(a => a.Policy).OfType<string>().Distinct().ToList();
                if (policies.Count > 0)
                {
                    var admitted = policies.Select(RolesOf).Aggregate((a, b) => [.. a.Intersect(b)]);
                    operation.Description = $"Roles: {string.Join(", ", admitted)}." + (operation.Description is { Length: > 0 } d ? " " + d : "");
                }

                return Task.CompletedTask;
            });
        });

    private static string[] RolesOf(string policy) =>
        Auth.AccessPolicies.RolesByPolicy.TryGetValue(policy, out var roles) ? roles
        : Auth.AccessPolicies.EndpointPolicies.TryGetValue(policy, out var endpointRoles) ? endpointRoles
        : [];

    public static WebApplication MapPatientFlowOpenApi(this WebApplication app, string service)
    {
        app.MapOpenApi($"/api/{service}/openapi/{{documentName}}.json").AllowAnonymous();
        return app;
    }
}
