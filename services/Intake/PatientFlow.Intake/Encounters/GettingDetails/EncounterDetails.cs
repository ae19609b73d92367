using JasperFx;
using JasperFx.Events;

namespace PatientFlow.Intake.Encounters.GettingDetails;

/// <summary>
/// The encounter as the care team sees it, kept by an inline projection of the encounter stream.
/// <see cref="Vitals"/> lists every set taken, newest first.
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
    DateTimeOffset? CompletedAt)
{
    public static EncounterDetails Create(EncounterOpened opened) => new(
        opened.VisitId, opened.PatientId, opened.ProviderId, opened.Clinic, EncounterStatus.Open,
        null, opened.OpenedAt, null, [], [], [], null);

    public EncounterDetails Apply(PatientRoomed roomed) =>
        this with { Status = EncounterStatus.Roomed, Room = roomed.Room, RoomedAt = roomed.RoomedAt };

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

    public EncounterDetails Apply(EncounterCompleted completed) => this with
    {
        Status = EncounterStatus.Completed,
        Diagnoses = completed.Diagnoses,
        Procedures = completed.Procedures,
        CompletedAt = completed.CompletedAt,
    };
}

/// <summary>One set of vitals; <see cref="Id"/> names it in a correction.</summary>
public sealed record VitalSignSet(Guid Id, DateTimeOffset TakenAt, IReadOnlyList<VitalSign> Observations, IReadOnlyList<VitalsAmendment>? Corrections);

/// <summary>The values a correction replaced, why, and when the correction was recorded.</summary>
public sealed record VitalsAmendment(DateTimeOffset PreviousTakenAt, IReadOnlyList<VitalSign> PreviousObservations, string Reason, DateTimeOffset RecordedAt);
