using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Platform.Audit;

/// <summary>The audit state of one request: whether its record is written; one per request, as a request feature.</summary>
public sealed class RequestAudit
{
    public bool Recorded { get; set; }

    /// <summary>
    /// The request's entry as it stands: caller from the token, action and resource from the endpoint's declaration and
    /// route, <paramref name="patientIds"/> plus a <c>patientId</c> in the route. Null when the endpoint is not audited.
    /// </summary>
    public static AuditEntry? EntryOf(HttpContext context, string service, int statusCode, IEnumerable<Guid> patientIds, object? answer, DateTimeOffset now)
    {
        // The exception handler clears the endpoint before it writes its problem; it keeps the one that threw.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = context.GetEndpoint() ?? failed?.Endpoint;
        if (endpoint is not RouteEndpoint route || !AuditedEndpoints.IsAudited(endpoint))
        {
            return null;
        }

        var routeValues = context.GetEndpoint() is null && failed?.RouteValues is { } kept ? kept : context.Request.RouteValues;
        var resourceType = endpoint.Metadata.GetMetadata<AuditedResource>()!.ResourceType;
        var user = context.User;
        var patients = patientIds.ToList();
        if (routeValues.TryGetValue("patientId", out var routePatient) && Guid.TryParse(routePatient?.ToString(), out var patientId))
        {
            patients.Add(patientId);
        }

        return new AuditEntry(
            now,
            service,
            user.Subject(),
            [.. user.FindAll(TokenClaims.Role).Select(claim => claim.Value)],
            user.Clinics(),
            AuditedEndpoints.ActionOf(endpoint, context.Request.Method),
            resourceType,
            ResourceIdOf(route, routeValues, resourceType, answer),
            patients,
            AuditEntry.OutcomeOf(statusCode),
            statusCode,
            $"{context.Request.Method} /{route.RoutePattern.RawText?.TrimStart('/')}",
            SourceAddressOf(context),
            Activity.Current?.TraceId.ToString());
    }

    // The first id in the route names the resource (/encounters/{visitId}/vitals/...); a create names it in its answer.
    private static string? ResourceIdOf(RouteEndpoint route, RouteValueDictionary values, string resourceType, object? answer)
    {
        foreach (var parameter in route.RoutePattern.Parameters)
        {
            if (parameter.ParameterPolicies.Any(policy => policy.Content == "guid") && values.TryGetValue(parameter.Name, out var id))
            {
                return id?.ToString();
            }
        }

        var idProperty = resourceType.Replace("-", "", StringComparison.Ordinal) + "Id";
        return answer?.GetType().GetProperties()
            .FirstOrDefault(p => string.Equals(p.Name, idProperty, StringComparison.OrdinalIgnoreCase) && p.PropertyType == typeof(Guid))
            ?.GetValue(answer)?.ToString();
    }

    // Behind the gateway the peer is the gateway; YARP forwards the client's address in X-Forwarded-For, and services
    // are reachable only through it (docs/audit.md).
    private static string? SourceAddressOf(HttpContext context) =>
        context.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
        ?? context.Connection.RemoteIpAddress?.ToString();
}
