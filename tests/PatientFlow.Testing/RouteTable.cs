using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Testing;

/// <summary>One HTTP route of a service as its endpoint data source has it: a new route cannot escape a test that walks them all.</summary>
/// <param name="Role">A role every policy on the route admits (the first such), or null when the route is anonymous.</param>
public sealed record HttpRoute(string Method, RoutePattern Pattern, string? Role)
{
    public string Template => "/" + Pattern.RawText!.TrimStart('/');

    /// <summary>The body's media type the route declares it reads (an 835 file: <c>application/edi-x12</c>); JSON otherwise.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The names of the route's parameters constrained to GUIDs (<c>{id:guid}</c>).</summary>
    public IReadOnlyList<string> GuidParameters =>
        [.. Pattern.Parameters.Where(p => p.ParameterPolicies.Any(policy => policy.Content == "guid")).Select(p => p.Name)];

    /// <summary>The path with each GUID parameter set to <paramref name="id"/> and any other parameter to <paramref name="other"/>.</summary>
    public string PathWith(Guid id, string other = "probe") =>
        PathWith(name => GuidParameters.Contains(name) ? id.ToString() : other);

    /// <summary>
    /// The path with each parameter set to what <paramref name="valueOf"/> answers for its name, or when it answers null
    /// to a new id (a GUID parameter) or a word.
    /// </summary>
    public string PathWith(Func<string, string?> valueOf)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => valueOf(parameter.Name)
                        ?? (GuidParameters.Contains(parameter.Name) ? Guid.CreateVersion7().ToString() : "probe"),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    public override string ToString() => $"{Method} {Template}";
}

public static class RouteTable
{
    /// <summary>Every HTTP route the service maps under <c>/api/</c> (gRPC methods, health and metrics are not), with a role it admits.</summary>
    public static IReadOnlyList<HttpRoute> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(method => new HttpRoute(method, endpoint.RoutePattern, RoleFor(endpoint))
                {
                    ContentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json",
                }))
            .OrderBy(route => route.Template, StringComparer.Ordinal).ThenBy(route => route.Method, StringComparer.Ordinal)];

    private static string? RoleFor(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        IEnumerable<string> admitted = Roles.All;
        foreach (var policy in policies)
        {
            var roles = AccessPolicies.RolesByPolicy.TryGetValue(policy, out var byGroup) ? byGroup : AccessPolicies.EndpointPolicies[policy];
            admitted = admitted.Intersect(roles);
        }

        return admitted.FirstOrDefault();
    }
}
