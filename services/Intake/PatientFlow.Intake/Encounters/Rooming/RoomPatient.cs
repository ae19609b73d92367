using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.Intake.Encounters.Rooming;

/// <summary>Take the patient to an exam room (or move them to another one).</summary>
public sealed record RoomPatient(string? Room = null, DateTimeOffset? RoomedAt = null);

public static class RoomPatientDecider
{
    public const int MaxRoomLength = 32;

    public static IReadOnlyList<object> Decide(Encounter state, RoomPatient command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var room = command.Room?.Trim();
        if (string.IsNullOrEmpty(room))
        {
            throw new InvalidFieldException("room", "is required");
        }

        if (room.Length > MaxRoomLength)
        {
            throw new InvalidFieldException("room", $"must be at most {MaxRoomLength} characters");
        }

        var roomedAt = ClinicTime.Resolve("roomedAt", command.RoomedAt, now);

        // Repeating the same rooming (a double click, a client retry) is not a new move.
        if (state.Status == EncounterStatus.Roomed && string.Equals(state.Room, room, StringComparison.Ordinal))
        {
            return [];
        }

        return [new PatientRoomed(state.Id, state.PatientId, room, roomedAt)];
    }
}
