using JasperFx.Events;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

// The encounter stream id is the visit id, so every stage of the visit shares one identity.

public sealed record EncounterOpened(
    Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset OpenedAt);

public sealed record PatientRoomed(Guid VisitId, Guid PatientId, string Room, DateTimeOffset RoomedAt);

public sealed record VitalsRecorded(
    Guid VisitId, Guid PatientId, IReadOnlyList<VitalSign> Observations, DateTimeOffset TakenAt);

// A wrong set of vitals is replaced by a new event naming it (its event id), never edited: the history keeps both.
public sealed record VitalsCorrected(
    Guid VisitId, Guid PatientId, Guid CorrectedVitalsId, IReadOnlyList<VitalSign> Observations, DateTimeOffset TakenAt, string Reason, DateTimeOffset CorrectedAt);

public sealed record EncounterCompleted(
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<Procedure> Procedures,
    DateTimeOffset CompletedAt);

/// <summary>A set of vitals on record: the id of the event that recorded it, and when it was taken.</summary>
public sealed record VitalsSetTaken(Guid Id, DateTimeOffset TakenAt);

/// <summary>One measured vital sign, already in its UCUM unit.</summary>
public sealed record VitalSign(string LoincCode, string Name, decimal Value, string Unit, bool Abnormal);

/// <summary>A CPT or HCPCS procedure with its units of service.</summary>
public sealed record Procedure(string Code, int Units);

public enum EncounterStatus
{
    Open,
    Roomed,
    Completed,
}

/// <summary>What the deciders need to know about an encounter; nothing more.</summary>
public sealed record Encounter(
    Guid Id, Guid PatientId, Guid ProviderId, EncounterStatus Status, string? Room, IReadOnlyList<VitalsSetTaken>? VitalsSets = null)
{
    public static Encounter Create(EncounterOpened opened) =>
        new(opened.VisitId, opened.PatientId, opened.ProviderId, EncounterStatus.Open, null);

    public Encounter Apply(PatientRoomed roomed) => this with { Status = EncounterStatus.Roomed, Room = roomed.Room };

    /// <summary>A set of vitals is known by the id of the event that recorded it (also its integration event id).</summary>
    public Encounter Apply(IEvent<VitalsRecorded> recorded) =>
        this with { VitalsSets = [.. VitalsSets ?? [], new VitalsSetTaken(recorded.Id, recorded.Data.TakenAt)] };

    public Encounter Apply(VitalsCorrected corrected) => this with
    {
        VitalsSets = [.. (VitalsSets ?? []).Select(set => set.Id == corrected.CorrectedVitalsId ? set with { TakenAt = corrected.TakenAt } : set)],
    };

    public Encounter Apply(EncounterCompleted _) => this with { Status = EncounterStatus.Completed };

    /// <summary>A completed encounter is closed to every further command.</summary>
    public Encounter EnsureOpen() => Status == EncounterStatus.Completed
        ? throw new ConflictException($"encounter {Id} is already completed")
        : this;
}
