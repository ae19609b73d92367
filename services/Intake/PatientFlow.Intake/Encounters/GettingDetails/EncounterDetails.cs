using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace PatientFlow.Intake.Encounters.GettingDetails;

/// <summary>
/// The encounter as the care team sees it, kept by an inline projection of the encounter stream.
/// <see cref="Vitals"/> lists every set taken, newest first; every other entry is listed in the order recorded,
/// an entry entered in error stays with <c>enteredInError</c> set.
/// </summary>
public sealed record EncounterDetails(
    [property: Identity] Guid VisitId,
    Guid PatientId,
    Guid ProviderId,
    string Clinic,
    EncounterStatus Status,
    string? Room,
    DateTimeOffset OpenedAt,
    DateTimeOffset? RoomedAt,
    IReadOnlyList<VitalSignSet> Vitals,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<Procedure> Procedures,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<RoomMove>? RoomMoves = null,
    DateTimeOffset? ProviderStartedAt = null,
    IReadOnlyList<Entry<ChiefComplaintRecorded>>? ChiefComplaints = null,
    IReadOnlyList<Entry<ProblemRecorded>>? Problems = null,
    IReadOnlyList<Entry<AllergyRecorded>>? Allergies = null,
    Entry<NoKnownAllergiesRecorded>? NoKnownAllergies = null,
    IReadOnlyList<Entry<MedicationsReconciled>>? MedicationReconciliations = null,
    IReadOnlyList<Entry<ImmunizationAdministered>>? Immunizations = null,
    IReadOnlyList<Entry<InjectionAdministered>>? Injections = null,
    IReadOnlyList<Entry<InstructionsGiven>>? Instructions = null,
    IReadOnlyList<Entry<LabTestsOrdered>>? LabOrders = null,
    IReadOnlyList<Entry<ReferralRequested>>? Referrals = null)
{
    /// <summary>GET /: the encounter now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    public static async Task<Ok<EncounterDetails>> Get(
        Guid visitId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<EncounterDetails>(visitId, asOf, http, ct) ?? throw Encounter.NotFound(visitId));

    public static EncounterDetails Create(EncounterOpened opened) => new(
        opened.VisitId, opened.PatientId, opened.ProviderId, opened.Clinic, EncounterStatus.Open,
        null, opened.OpenedAt, null, [], [], [], null, [], null, [], [], [], null, [], [], [], [], [], []);

    public EncounterDetails Apply(PatientRoomed roomed) => this with
    {
        Status = EncounterStatus.Roomed, Room = roomed.Room, RoomedAt = RoomedAt ?? roomed.RoomedAt,
        RoomMoves = [.. RoomMoves ?? [], new RoomMove(roomed.PreviousRoom, roomed.Room, roomed.RoomedAt)],
    };

    // Back-dated entries arrive late: order by when the vitals were taken, not when they were entered.
    public EncounterDetails Apply(IEvent<VitalsRecorded> recorded) => this with
    {
        Vitals = [.. Vitals.Append(new VitalSignSet(recorded.Id, recorded.Data.TakenAt, recorded.Data.Observations, [])).OrderByDescending(set => set.TakenAt)],
    };

    /// <summary>The corrected values show in place; what they replaced stays in the set's history.</summary>
    public EncounterDetails Apply(IEvent<VitalsCorrected> corrected) => this with
    {
        Vitals = [.. Vitals.Select(set => set.Id != corrected.Data.CorrectedVitalsId ? set : set with
        {
            TakenAt = corrected.Data.TakenAt,
            Observations = corrected.Data.Observations,
            Corrections = [.. set.Corrections ?? [], new VitalsAmendment(set.TakenAt, set.Observations, corrected.Data.Reason, corrected.Timestamp)],
        }).OrderByDescending(set => set.TakenAt)],
    };

    public EncounterDetails Apply(IEvent<ChiefComplaintRecorded> e) => this with { ChiefComplaints = Add(ChiefComplaints, e) };

    public EncounterDetails Apply(IEvent<ProblemRecorded> e) => this with { Problems = Add(Problems, e) };

    public EncounterDetails Apply(IEvent<AllergyRecorded> e) => this with { Allergies = Add(Allergies, e) };

    public EncounterDetails Apply(IEvent<NoKnownAllergiesRecorded> e) => this with { NoKnownAllergies = new Entry<NoKnownAllergiesRecorded>(e.Id, e.Data, e.Timestamp, null) };

    public EncounterDetails Apply(IEvent<MedicationsReconciled> e) => this with { MedicationReconciliations = Add(MedicationReconciliations, e) };

    public EncounterDetails Apply(IEvent<ImmunizationAdministered> e) => this with { Immunizations = Add(Immunizations, e) };

    public EncounterDetails Apply(IEvent<InjectionAdministered> e) => this with { Injections = Add(Injections, e) };

    public EncounterDetails Apply(IEvent<InstructionsGiven> e) => this with { Instructions = Add(Instructions, e) };

    public EncounterDetails Apply(IEvent<LabTestsOrdered> e) => this with { LabOrders = Add(LabOrders, e) };

    public EncounterDetails Apply(IEvent<ReferralRequested> e) => this with { Referrals = Add(Referrals, e) };

    public EncounterDetails Apply(ProviderEncounterStarted started) => this with { ProviderStartedAt = started.StartedAt };

    /// <summary>The entry stays listed, marked; a vitals set in error is marked in its history of corrections.</summary>
    public EncounterDetails Apply(EntryEnteredInError e)
    {
        var error = new EnteredInError(e.Reason, e.RecordedAt);
        return this with
        {
            ChiefComplaints = Mark(ChiefComplaints, e.EntryId, error),
            Problems = Mark(Problems, e.EntryId, error),
            Allergies = Mark(Allergies, e.EntryId, error),
            NoKnownAllergies = NoKnownAllergies?.Id == e.EntryId ? NoKnownAllergies with { EnteredInError = error } : NoKnownAllergies,
            MedicationReconciliations = Mark(MedicationReconciliations, e.EntryId, error),
            Immunizations = Mark(Immunizations, e.EntryId, error),
            Injections = Mark(Injections, e.EntryId, error),
            Instructions = Mark(Instructions, e.EntryId, error),
            LabOrders = Mark(LabOrders, e.EntryId, error),
            Referrals = Mark(Referrals, e.EntryId, error),
            Vitals = [.. Vitals.Select(set => set.Id == e.EntryId ? set with { EnteredInError = error } : set)],
        };
    }

    public EncounterDetails Apply(EncounterCompleted completed) => this with
    {
        Status = EncounterStatus.Completed,
        Diagnoses = completed.Diagnoses,
        Procedures = completed.Procedures,
        CompletedAt = completed.CompletedAt,
    };

    private static IReadOnlyList<Entry<T>> Add<T>(IReadOnlyList<Entry<T>>? entries, IEvent<T> e) where T : notnull =>
        [.. entries ?? [], new Entry<T>(e.Id, e.Data, e.Timestamp, null)];

    private static IReadOnlyList<Entry<T>>? Mark<T>(IReadOnlyList<Entry<T>>? entries, Guid id, EnteredInError error) where T : notnull =>
        entries?.Select(entry => entry.Id == id ? entry with { EnteredInError = error } : entry).ToList();
}

/// <summary>One recorded entry: its id (to correct it by), what was recorded, when, and whether it was entered in error.</summary>
public sealed record Entry<T>(Guid Id, T Value, DateTimeOffset RecordedAt, EnteredInError? EnteredInError)
    where T : notnull;

public sealed record EnteredInError(string Reason, DateTimeOffset RecordedAt);

public sealed record RoomMove(string? From, string To, DateTimeOffset At);

/// <summary>One set of vitals; <see cref="Id"/> names it in a correction.</summary>
public sealed record VitalSignSet(
    Guid Id, DateTimeOffset TakenAt, IReadOnlyList<VitalSign> Observations, IReadOnlyList<VitalsAmendment>? Corrections, EnteredInError? EnteredInError = null);

/// <summary>The values a correction replaced, why, and when the correction was recorded.</summary>
public sealed record VitalsAmendment(DateTimeOffset PreviousTakenAt, IReadOnlyList<VitalSign> PreviousObservations, string Reason, DateTimeOffset RecordedAt);
