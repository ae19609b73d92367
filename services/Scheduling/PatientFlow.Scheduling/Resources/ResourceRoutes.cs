using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Resources.Registering;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Resources;

/// <summary>The routes of rooms and equipment: one line a slice; the two reads are here, each a few lines.</summary>
public static class ResourceRoutes
{
    public static IEndpointRouteBuilder MapResourceRoutes(this IEndpointRouteBuilder app)
    {
        var resources = app.MapGroup("/api/scheduling/resources").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Rooms and equipment");
        resources.HoldsNoPhi();
        resources.MapPost("/", RegisterResourceDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);
        resources.MapGet("/", List).RequireAuthorization(AccessPolicies.ScheduleView);
        resources.MapGet("/{resourceId:guid}/reservations", Reservations).RequireAuthorization(AccessPolicies.ScheduleView)
            .RequireClinicOf("resourceId", RecordClinics.ResourceAsync, Resource.NotFound);
        return app;
    }

    /// <summary>Rooms and equipment of the caller's clinics, optionally of one clinic and kind (<c>room</c> or <c>equipment</c>).</summary>
    private static async Task<Ok<IReadOnlyList<ResourceDetails>>> List(string? clinic, ResourceKind? kind, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var query = session.Query<ResourceDetails>().Within(scope, r => r.Clinic);
        if (clinic is not null)
        {
            var code = clinic.Trim().ToLowerInvariant();
            query = query.Where(r => r.Clinic == code);
        }

        if (kind is { } wanted)
        {
            query = query.Where(r => r.Kind == wanted);
        }

        return TypedResults.Ok(await query.OrderBy(r => r.Code).ToListAsync(ct));
    }

    /// <summary>What the room or equipment is booked for, in time order.</summary>
    private static async Task<Ok<IReadOnlyList<Reservation>>> Reservations(Guid resourceId, IQuerySession session, CancellationToken ct)
    {
        var resource = await session.Events.AggregateStreamAsync<Resource>(resourceId, token: ct) ?? throw Resource.NotFound(resourceId);
        return TypedResults.Ok<IReadOnlyList<Reservation>>([.. resource.Reservations.Values.OrderBy(r => r.StartsAt)]);
    }
}
