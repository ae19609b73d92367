using PatientFlow.Intake.Rooms;

namespace PatientFlow.Intake.Encounters.Rooming;

/// <summary>Take the patient to an exam room, or move them to another one.</summary>
public sealed record RoomPatient(string? Room = null, DateTimeOffset? RoomedAt = null);

public static class RoomPatientDecider
{
    public const int MaxRoomLength = 32;

    /// <summary>POST /rooming: rooms the patient (or moves them); the encounter and both rooms are written in one commit, so a room holds one patient.</summary>
    public static Task<Ok<EncounterDetails>> Handle(Guid visitId, RoomPatient command, EncounterCommands commands, IDocumentSession session, CancellationToken ct)
    {
        var code = CodeOf(command);
        return commands.DecideAsync(visitId, async (state, now) =>
        {
            var rooms = await RoomLocks.LockAsync(session, state.Clinic, [code, .. state.Room is { } current ? [current] : Array.Empty<string>()], ct);
            var target = rooms[code].Aggregate ?? Room.Unused(state.Clinic, code);
            var previous = state.Room is { } from && from != code ? rooms[from].Aggregate : null;
            var (encounter, roomEvents) = Decide(state, target, previous, command, now);
            foreach (var e in roomEvents)
            {
                rooms[e is RoomVacated vacated ? vacated.Room : code].AppendOne(e);
            }

            return encounter;
        });
    }

    /// <summary>The room code as rooms are keyed: trimmed, upper case.</summary>
    public static string CodeOf(RoomPatient command)
    {
        var room = command.Room?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(room) ? throw new InvalidFieldException("room", "is required")
            : room.Length > MaxRoomLength ? throw new InvalidFieldException("room", $"must be at most {MaxRoomLength} characters")
            : room;
    }

    /// <summary>
    /// Rooms the patient in <paramref name="target"/>, which must be free; a move leaves the previous room
    /// (<paramref name="current"/>) needing cleaning. Repeating the same rooming (a double click, a retry) changes nothing.
    /// </summary>
    public static (IReadOnlyList<object> Encounter, IReadOnlyList<object> Rooms) Decide(
        Encounter state, Room target, Room? current, RoomPatient command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var roomedAt = ClinicTime.Resolve("roomedAt", command.RoomedAt, now);
        if (state.Status == EncounterStatus.Roomed && string.Equals(state.Room, target.Code, StringComparison.OrdinalIgnoreCase))
        {
            return ([], []);
        }

        target.EnsureFreeFor(state.Id);
        List<object> rooms = [new RoomOccupied(target.Id, target.Clinic, target.Code, state.Id, roomedAt)];
        if (current is not null && current.VisitId == state.Id)
        {
            rooms.Insert(0, new RoomVacated(current.Id, current.Clinic, current.Code, state.Id, roomedAt));
        }

        return ([new PatientRoomed(state.Id, state.PatientId, target.Code, roomedAt, state.Room)], rooms);
    }
}
