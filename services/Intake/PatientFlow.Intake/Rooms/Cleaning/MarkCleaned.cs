namespace PatientFlow.Intake.Rooms.Cleaning;

/// <summary>The room a patient left has been cleaned: it is free for the next one.</summary>
public static class MarkCleanedDecider
{
    /// <summary>POST /{clinic}/{room}/cleaned</summary>
    public static async Task<Ok<RoomDetails>> Handle(string clinic, string room, IDocumentSession session, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var code = room.Trim().ToUpperInvariant();
        var (state, _) = await session.DecideAsync<Room>(Room.IdOf(clinic, code), http, state => [state.Clean(clock.GetUtcNow())], () => NeverUsed(clinic, code), ct);
        return TypedResults.Ok(await session.LoadAsync<RoomDetails>(state.Id, ct) ?? throw NeverUsed(clinic, code));
    }

    private static NotFoundException NeverUsed(string clinic, string code) => new($"room {code} of clinic {clinic} has never been used");
}
