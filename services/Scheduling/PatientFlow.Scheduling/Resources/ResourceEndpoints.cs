using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Resources.Registering;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Resources;

public static class ResourceEndpoints
{
    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder app)
    {
        var resources = app.MapGroup("/api/scheduling/resources").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Rooms and equipment");
        resources.MapPost("/", RegisterResource).RequireAuthorization(AccessPolicies.SchedulingSetup);
        resources.MapGet("/", ListResources);
        resources.MapGet("/{resourceId:guid}/reservations", GetReservations);
        return app;
    }

    private static async Task<Created<ResourceDetails>> RegisterResource(
        RegisterResource command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var clinic = await ClinicEndpoints.LoadAsync(session, command.Clinic ?? throw new InvalidFieldException("clinic", "is required"), ct);
        var registered = RegisterResourceDecider.Decide(clinic, command, clock.GetUtcNow());
        if (await session.Events.FetchStreamStateAsync(registered.ResourceId, ct) is not null)
        {
            throw new ConflictException($"clinic {clinic.Code} already has a resource {registered.Code}");
        }

        session.Events.StartStream<Resource>(registered.ResourceId, registered);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/resources/{registered.ResourceId}", ResourceDetails.Create(registered));
    }

    /// <summary>Rooms and equipment, optionally of one clinic and kind (<c>room</c> or <c>equipment</c>).</summary>
    private static async Task<Ok<IReadOnlyList<ResourceDetails>>> ListResources(string? clinic, ResourceKind? kind, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<ResourceDetails>().AsQueryable();
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
    private static async Task<Ok<IReadOnlyList<Reservation>>> GetReservations(Guid resourceId, IQuerySession session, CancellationToken ct)
    {
        var resource = await session.Events.AggregateStreamAsync<Resource>(resourceId, token: ct)
            ?? throw new NotFoundException($"resource {resourceId} not found");
        return TypedResults.Ok<IReadOnlyList<Reservation>>([.. resource.Reservations.Values.OrderBy(r => r.StartsAt)]);
    }
}
