using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Observability;

namespace PatientFlow.Platform.Access;

/// <summary>
/// Checks the clinic of the record a route acts on (<see cref="ClinicOfRecord"/>) once the caller's role was admitted and
/// before the handler reads the body or decides anything: a record the caller may not act in answers the service's own 404,
/// word for word as an unknown id does, so its existence is not disclosed. A clinician who breaks the glass
/// (<see cref="BreakGlass"/>) reads it all the same, recorded.
/// </summary>
public sealed class ClinicScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ClinicScope scope, IQuerySession session, IBreakGlassLog breakGlass)
    {
        var endpoint = context.GetEndpoint();
        var records = endpoint?.Metadata.GetOrderedMetadata<ClinicOfRecord>() ?? [];
        var wholeOrganization = endpoint?.Metadata.GetMetadata<WholeOrganization>() is not null;
        if ((records.Count == 0 && !wholeOrganization) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (wholeOrganization && !scope.HasAllClinics)
        {
            throw new AccessRefusedException($"this acts for the whole organisation, across its clinics: it needs every clinic ({TokenClaims.Clinic}: {TokenClaims.AllClinics})");
        }

        var reason = BreakGlass.ReasonOf(context);
        var outside = new List<(ClinicOfRecord Record, string Id, RecordClinic Clinic)>();
        foreach (var record in records)
        {
            var id = context.Request.RouteValues.TryGetValue(record.Parameter, out var value) && value?.ToString() is { } text
                ? text
                : throw new InvalidOperationException($"{endpoint}: the clinic check names route parameter '{record.Parameter}', which the route does not have");
            var clinic = await record.Find(session, id, context.RequestAborted) ?? throw record.NotFound(id);
            if (!scope.Admits(clinic))
            {
                outside.Add((record, id, clinic));
            }
        }

        if (outside.Count > 0)
        {
            if (reason is null)
            {
                throw outside[0].Record.NotFound(outside[0].Id);
            }

            foreach (var (_, id, clinic) in outside)
            {
                await breakGlass.RecordAsync(Access(context, id, clinic, reason), context.RequestAborted);
            }
        }

        await next(context);
    }

    private static BreakGlassAccess Access(HttpContext context, string id, RecordClinic clinic, string reason)
    {
        var access = new BreakGlassAccess(
            Guid.CreateVersion7(),
            context.User.Subject(),
            [.. context.User.FindAll(TokenClaims.Role).Select(role => role.Value)],
            clinic.PatientId,
            clinic.Clinics,
            $"{context.Request.Method} {(context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText} {id}",
            reason,
            context.Items.TryGetValue(CorrelationHeader.Name, out var correlation) ? correlation?.ToString() : null,
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        context.Response.Headers[BreakGlass.Header] = access.AccessId.ToString();
        return access;
    }
}
