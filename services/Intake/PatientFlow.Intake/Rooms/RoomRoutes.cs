using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Rooms;

public static class RoomEndpoints
{
    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/intake/rooms").RequireAuthorization(AccessPolicies.Intake).WithTags("Rooms");
        rooms.MapGet("/", ListRooms);
        rooms.MapPost("/{clinic}/{room}/cleaned", MarkCleaned);
        return app;
    }

    /// <summary>Every room of the clinic that has been used: free, occupied (by which visit) or needing cleaning, and since when.</summary>
    private static async Task<Ok<IReadOnlyList<RoomDetails>>> ListRooms(string? clinic, IQuerySession session, CancellationToken ct)
    {
        var code = Text.Required("clinic", clinic, 32);
        return TypedResults.Ok(await session.Query<RoomDetails>().Where(r => r.Clinic == code).OrderBy(r => r.Room).ToListAsync(ct));
    }

    private static async Task<Ok<RoomDetails>> MarkCleaned(string clinic, string room, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var code = room.Trim().ToUpperInvariant();
        var stream = await session.Events.FetchForExclusiveWriting<Room>(Room.IdOf(clinic, code), ct);
        var state = stream.Aggregate ?? throw new NotFoundException($"room {code} of clinic {clinic} has never been used");
        stream.AppendOne(state.Clean(clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(await session.LoadAsync<RoomDetails>(state.Id, ct) ?? throw new NotFoundException($"room {code} not found"));
    }
}
