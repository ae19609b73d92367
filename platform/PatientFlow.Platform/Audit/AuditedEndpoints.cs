using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PatientFlow.Platform.Audit;

/// <summary>Endpoint metadata: the route returns or changes protected health information about <see cref="ResourceType"/>.</summary>
public sealed record AuditedResource(string ResourceType);

/// <summary>Endpoint metadata: what the route does, where its method and shape do not say it (<see cref="AuditedEndpoints.ActionOf"/>).</summary>
public sealed record AuditedAction(AuditAction Action);

/// <summary>Endpoint metadata: the route neither returns nor changes protected health information (clinic set-up, rooms, aggregates).</summary>
public sealed record NoPhi;

/// <summary>How a route table declares what is audited: one call per route group or route.</summary>
public static class AuditedEndpoints
{
    /// <summary>
    /// Every request to these routes leaves exactly one audit record, refusals included; a record that cannot be written
    /// keeps the answer from being sent (503).
    /// </summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string resourceType, AuditAction? action = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AuditedResource(resourceType));
        if (action is { } declared)
        {
            builder.WithMetadata(new AuditedAction(declared));
        }

        return builder.AddEndpointFilter<TBuilder, AuditFilter>();
    }

    /// <summary>Names the action of one route of an audited group (a search, a create) where its method does not.</summary>
    public static TBuilder AuditedAs<TBuilder>(this TBuilder builder, AuditAction action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction(action));

    /// <summary>Declares that these routes hold no protected health information, so leave no audit record.</summary>
    public static TBuilder HoldsNoPhi<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoPhi());

    /// <summary>
    /// The action of a request to <paramref name="endpoint"/>: as declared, else from its shape: a GET of one resource (an
    /// id in the route) reads, a GET of a list searches, a POST with nothing in the route creates, DELETE deletes, any other
    /// write updates.
    /// </summary>
    public static AuditAction ActionOf(Endpoint endpoint, string method)
    {
        if (endpoint.Metadata.GetMetadata<AuditedAction>() is { } declared)
        {
            return declared.Action;
        }

        var parameters = (endpoint as RouteEndpoint)?.RoutePattern.Parameters ?? [];
        return method switch
        {
            _ when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) =>
                parameters.Any(p => p.ParameterPolicies.Any(policy => policy.Content == "guid")) ? AuditAction.Read : AuditAction.Search,
            _ when HttpMethods.IsPost(method) && parameters.Count == 0 => AuditAction.Create,
            _ when HttpMethods.IsDelete(method) => AuditAction.Delete,
            _ => AuditAction.Update,
        };
    }

    /// <summary>True when the endpoint is audited and a route-level <see cref="NoPhi"/> does not override it.</summary>
    public static bool IsAudited(Endpoint endpoint) =>
        endpoint.Metadata.LastOrDefault(item => item is AuditedResource or NoPhi) is AuditedResource;
}
