using JasperFx;

namespace PatientFlow.Tracking.Journeys;

/// <summary>
/// A visit as tracking knows it, rebuilt from its journey stream. Steps are kept as recorded, in clinic
/// time (then recording time), so the order they arrived in does not matter; corrections are applied
/// over them when the stage is worked out and when the timeline is shown (<see cref="JourneyCorrections"/>).
/// </summary>
public sealed record VisitJourney(
    [property: Identity] Guid VisitId,
    Guid PatientId,
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    VisitStage? CurrentStage,
    DateTimeOffset? StageEnteredAt,
    IReadOnlyList<JourneyStepRecorded> Steps)
{
    public static VisitJourney Create(JourneyStepRecorded first) =>
        new VisitJourney(first.VisitId, first.PatientId, null, null, null, null, null, []).Apply(first);

    public VisitJourney Apply(JourneyStepRecorded recorded)
    {
        // The consumer already skips redeliveries; this keeps the read model right even if one slipped through.
        if (Steps.Any(step => step.SourceEventId == recorded.SourceEventId))
        {
            return this;
        }

        var steps = Steps.Append(recorded).OrderBy(step => step.OccurredAt).ThenBy(step => step.RecordedAt).ToArray();
        // Stages and their times follow the corrected clinic times; the recorded steps stay as they were.
        var current = StageRules.Current(JourneyCorrections.Effective(steps).Select(effective => effective.Step with { OccurredAt = effective.OccurredAt }));
        return this with
        {
            // The latest known place and people, by clinic time: a patient moved to another room shows the new one.
            Clinic = steps.LastOrDefault(step => step.Clinic is not null)?.Clinic,
            ProviderId = steps.LastOrDefault(step => step.ProviderId is not null)?.ProviderId,
            Room = steps.LastOrDefault(step => step.Room is not null)?.Room,
            CurrentStage = current?.Stage,
            StageEnteredAt = current?.EnteredAt,
            Steps = steps,
        };
    }
}
