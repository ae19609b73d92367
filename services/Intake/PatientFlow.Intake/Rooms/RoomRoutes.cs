using PatientFlow.Intake.Rooms.Cleaning;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Intake.Rooms;

public static class RoomRoutes
{
    public static IEndpointRouteBuilder MapRoomRoutes(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/intake/rooms").RequireAuthorization(AccessPolicies.Intake).WithTags("Rooms");
        rooms.Audited("room");
        rooms.MapGet("/", ListRooms).RequireAuthorization(AccessPolicies.RoomTurnover);
        rooms.MapPost("/{clinic}/{room}/cleaned", MarkCleanedDecider.Handle).RequireAuthorization(AccessPolicies.RoomTurnover)
            .RequireClinicInRoute("clinic", clinic => new NotFoundException($"no room of clinic {clinic} has been used"));
        return app;
    }

    /// <summary>Every room of the clinic that has been used: free, occupied (by which visit) or needing cleaning, and since when; none of a clinic not the caller's.</summary>
    private static async Task<Ok<IReadOnlyList<RoomDetails>>> ListRooms(string? clinic, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var code = TextField.Required("clinic", clinic, 32);
        if (!scope.Admits(code.ToLowerInvariant()))
        {
            return TypedResults.Ok<IReadOnlyList<RoomDetails>>([]);
        }

        return TypedResults.Ok(await session.Query<RoomDetails>().Where(r => r.Clinic == code).OrderBy(r => r.Room).ToListAsync(ct));
    }
}
