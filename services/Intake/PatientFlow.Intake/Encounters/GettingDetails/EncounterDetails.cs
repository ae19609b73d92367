using JasperFx;

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
    public EncounterDetails Apply(VitalsRecorded recorded) => this with
    {
        Vitals = [.. Vitals.Append(new VitalSignSet(recorded.TakenAt, recorded.Observations)).OrderByDescending(set => set.TakenAt)],
    };

    public EncounterDetails Apply(EncounterCompleted completed) => this with
    {
        Status = EncounterStatus.Completed,
        Diagnoses = completed.Diagnoses,
        Procedures = completed.Procedures,
        CompletedAt = completed.CompletedAt,
    };
}

public sealed record VitalSignSet(DateTimeOffset TakenAt, IReadOnlyList<VitalSign> Observations);
