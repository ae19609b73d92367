using JasperFx.Events;

namespace PatientFlow.Intake.Rooms;

public static class RoomLocks
{
    /// <summary>Room streams locked in id order, so two roomings that share rooms wait instead of deadlocking.</summary>
    public static async Task<Dictionary<string, IEventStream<Room>>> LockAsync(IDocumentSession session, string clinic, IEnumerable<string> codes, CancellationToken ct)
    {
        var rooms = new Dictionary<string, IEventStream<Room>>();
        foreach (var code in codes.Distinct().OrderBy(c => Room.IdOf(clinic, c)))
        {
            rooms[code] = await session.Events.FetchForExclusiveWriting<Room>(Room.IdOf(clinic, code), ct);
        }

        return rooms;
    }
}
