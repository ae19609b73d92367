using JasperFx;

namespace PatientFlow.Intake.Rooms;

// Each exam room of a clinic is a stream (its id derives from clinic and room code), locked with the
// encounter when a patient is roomed: two patients cannot be put in one room.

public sealed record RoomOccupied(Guid RoomId, string Clinic, string Room, Guid VisitId, DateTimeOffset OccupiedAt);

/// <summary>The patient left the room (moved, or the encounter ended): it needs cleaning before the next patient.</summary>
public sealed record RoomVacated(Guid RoomId, string Clinic, string Room, Guid VisitId, DateTimeOffset VacatedAt);

public sealed record RoomCleaned(Guid RoomId, string Clinic, string Room, DateTimeOffset CleanedAt);

public enum RoomStatus
{
    Free,
    Occupied,
    NeedsCleaning,
}

/// <summary>The room as the deciders see it; a room never used yet is free.</summary>
public sealed record Room(Guid Id, string Clinic, string Code, RoomStatus Status, Guid? VisitId)
{
    public static Guid IdOf(string clinic, string code) => StableId.From("intake-room", $"{clinic}/{code}");

    public static Room Unused(string clinic, string code) => new(IdOf(clinic, code), clinic, code, RoomStatus.Free, null);

    public static Room Create(RoomOccupied occupied) => new(occupied.RoomId, occupied.Clinic, occupied.Room, RoomStatus.Occupied, occupied.VisitId);

    public Room Apply(RoomOccupied occupied) => this with { Status = RoomStatus.Occupied, VisitId = occupied.VisitId };

    public Room Apply(RoomVacated _) => this with { Status = RoomStatus.NeedsCleaning, VisitId = null };

    public Room Apply(RoomCleaned _) => this with { Status = RoomStatus.Free, VisitId = null };

    /// <summary>409 naming the room unless it is free (or already holds this visit).</summary>
    public void EnsureFreeFor(Guid visitId)
    {
        if (Status == RoomStatus.Occupied && VisitId != visitId)
        {
            throw new ConflictException($"room {Code} of clinic {Clinic} is occupied by visit {VisitId}", "room", Id);
        }

        if (Status == RoomStatus.NeedsCleaning)
        {
            throw new ConflictException($"room {Code} of clinic {Clinic} needs cleaning first", "room", Id);
        }
    }

    public RoomCleaned Clean(DateTimeOffset now) => Status == RoomStatus.NeedsCleaning
        ? new RoomCleaned(Id, Clinic, Code, now)
        : throw new ConflictException($"room {Code} of clinic {Clinic} is {Status.ToString().ToLowerInvariant()}, not waiting for cleaning", "room", Id);
}

/// <summary>The room board: status, who is in it and since when (inline projection).</summary>
public sealed record RoomDetails([property: Identity] Guid RoomId, string Clinic, string Room, RoomStatus Status, Guid? VisitId, DateTimeOffset Since)
{
    public static RoomDetails Create(RoomOccupied occupied) =>
        new(occupied.RoomId, occupied.Clinic, occupied.Room, RoomStatus.Occupied, occupied.VisitId, occupied.OccupiedAt);

    public RoomDetails Apply(RoomOccupied occupied) => this with { Status = RoomStatus.Occupied, VisitId = occupied.VisitId, Since = occupied.OccupiedAt };

    public RoomDetails Apply(RoomVacated vacated) => this with { Status = RoomStatus.NeedsCleaning, VisitId = null, Since = vacated.VacatedAt };

    public RoomDetails Apply(RoomCleaned cleaned) => this with { Status = RoomStatus.Free, VisitId = null, Since = cleaned.CleanedAt };
}
