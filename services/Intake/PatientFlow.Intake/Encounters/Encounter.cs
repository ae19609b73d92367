using System.Collections.Immutable;
using JasperFx.Events;

namespace PatientFlow.Intake.Encounters;

// The encounter stream id is the visit id, so every stage of the visit shares one identity.
// Each clinical entry (vitals, complaint, history, immunization, instruction, order) is known by the id of
// the event that recorded it: that id names it in a correction or an entered-in-error.

public sealed record EncounterOpened(
    Guid VisitId, Guid PatientId, Guid ProviderId, string Clinic, DateTimeOffset OpenedAt);

/// <param name="PreviousRoom">The room the patient was moved out of, when this is a move.</param>
public sealed record PatientRoomed(Guid VisitId, Guid PatientId, string Room, DateTimeOffset RoomedAt, string? PreviousRoom = null);

public sealed record VitalsRecorded(
    Guid VisitId, Guid PatientId, IReadOnlyList<VitalSign> Observations, DateTimeOffset TakenAt);

// A wrong set of vitals is replaced by a new event naming it (its event id), never edited: the history keeps both.
public sealed record VitalsCorrected(
    Guid VisitId, Guid PatientId, Guid CorrectedVitalsId, IReadOnlyList<VitalSign> Observations, DateTimeOffset TakenAt, string Reason, DateTimeOffset CorrectedAt);

/// <summary>The provider came into the room and the encounter with the provider began.</summary>
public sealed record ProviderEncounterStarted(Guid VisitId, Guid PatientId, Guid ProviderId, DateTimeOffset StartedAt);

/// <param name="Diagnoses">ICD-10-CM codes, the primary first.</param>
public sealed record EncounterCompleted(
    Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<Procedure> Procedures,
    DateTimeOffset CompletedAt);

/// <summary>An entry recorded by mistake (wrong patient, wrong encounter, never happened): kept in the history, shown struck through.</summary>
public sealed record EntryEnteredInError(Guid VisitId, Guid PatientId, Guid EntryId, EntryKind Kind, string Reason, DateTimeOffset RecordedAt);

public enum EntryKind
{
    Vitals,
    ChiefComplaint,
    Problem,
    Allergy,
    NoKnownAllergies,
    Medications,
    Immunization,
    Injection,
    Instructions,
    LabOrder,
    Referral,
}

/// <summary>A set of vitals on record: the id of the event that recorded it, and when it was taken.</summary>
public sealed record VitalsSetTaken(Guid Id, DateTimeOffset TakenAt);

/// <summary>One measured vital sign, already in its UCUM unit.</summary>
public sealed record VitalSign(string LoincCode, string Name, decimal Value, string Unit, bool Abnormal);

/// <summary>A CPT or HCPCS procedure with its units of service and up to four modifiers.</summary>
public sealed record Procedure(string Code, int Units, IReadOnlyList<string>? Modifiers = null);

public enum EncounterStatus
{
    Open,
    Roomed,
    Completed,
}

/// <summary>What the deciders need to know about an encounter; nothing more.</summary>
public sealed record Encounter(
    Guid Id,
    Guid PatientId,
    Guid ProviderId,
    EncounterStatus Status,
    string? Room,
    IReadOnlyList<VitalsSetTaken>? VitalsSets = null,
    string Clinic = "",
    DateTimeOffset? ProviderStartedAt = null,
    ImmutableDictionary<Guid, EntryKind>? Entries = null,
    ImmutableHashSet<Guid>? InError = null) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"no encounter for visit {streamId}");


    public static Encounter Create(EncounterOpened opened) =>
        new(opened.VisitId, opened.PatientId, opened.ProviderId, EncounterStatus.Open, null, [], opened.Clinic, null, ImmutableDictionary<Guid, EntryKind>.Empty, []);

    public Encounter Apply(PatientRoomed roomed) => this with { Status = EncounterStatus.Roomed, Room = roomed.Room };

    /// <summary>A set of vitals is known by the id of the event that recorded it (also its integration event id).</summary>
    public Encounter Apply(IEvent<VitalsRecorded> recorded) =>
        this with { VitalsSets = [.. VitalsSets ?? [], new VitalsSetTaken(recorded.Id, recorded.Data.TakenAt)], Entries = With(recorded.Id, EntryKind.Vitals) };

    public Encounter Apply(VitalsCorrected corrected) => this with
    {
        VitalsSets = [.. (VitalsSets ?? []).Select(set => set.Id == corrected.CorrectedVitalsId ? set with { TakenAt = corrected.TakenAt } : set)],
    };

    public Encounter Apply(IEvent<ChiefComplaintRecorded> e) => this with { Entries = With(e.Id, EntryKind.ChiefComplaint) };

    public Encounter Apply(IEvent<ProblemRecorded> e) => this with { Entries = With(e.Id, EntryKind.Problem) };

    public Encounter Apply(IEvent<AllergyRecorded> e) => this with { Entries = With(e.Id, EntryKind.Allergy) };

    public Encounter Apply(IEvent<NoKnownAllergiesRecorded> e) => this with { Entries = With(e.Id, EntryKind.NoKnownAllergies) };

    public Encounter Apply(IEvent<MedicationsReconciled> e) => this with { Entries = With(e.Id, EntryKind.Medications) };

    public Encounter Apply(IEvent<ImmunizationAdministered> e) => this with { Entries = With(e.Id, EntryKind.Immunization) };

    public Encounter Apply(IEvent<InjectionAdministered> e) => this with { Entries = With(e.Id, EntryKind.Injection) };

    public Encounter Apply(IEvent<InstructionsGiven> e) => this with { Entries = With(e.Id, EntryKind.Instructions) };

    public Encounter Apply(IEvent<LabTestsOrdered> e) => this with { Entries = With(e.Id, EntryKind.LabOrder) };

    public Encounter Apply(IEvent<ReferralRequested> e) => this with { Entries = With(e.Id, EntryKind.Referral) };

    public Encounter Apply(EntryEnteredInError e) => this with { InError = (InError ?? []).Add(e.EntryId) };

    public Encounter Apply(ProviderEncounterStarted started) => this with { ProviderStartedAt = started.StartedAt };

    public Encounter Apply(EncounterCompleted _) => this with { Status = EncounterStatus.Completed };

    /// <summary>Live entries of a kind: recorded and not entered in error.</summary>
    public IEnumerable<Guid> Live(EntryKind kind) =>
        (Entries ?? ImmutableDictionary<Guid, EntryKind>.Empty).Where(e => e.Value == kind && !(InError ?? []).Contains(e.Key)).Select(e => e.Key);

    /// <summary>A completed encounter is closed to every further command.</summary>
    public Encounter EnsureOpen() => Status == EncounterStatus.Completed
        ? throw new ConflictException($"encounter {Id} is already completed")
        : this;

    private ImmutableDictionary<Guid, EntryKind> With(Guid id, EntryKind kind) => (Entries ?? ImmutableDictionary<Guid, EntryKind>.Empty).SetItem(id, kind);
}
