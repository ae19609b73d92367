using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Journeys;

/// <summary>A journey step as it stands after corrections: its clinic time, and what it was before if corrected.</summary>
/// <param name="OriginalOccurredAt">The time first recorded, when a later correction changed it.</param>
/// <param name="CorrectedBy">The correction step that changed it.</param>
/// <param name="SupersededAt">When that correction was recorded.</param>
/// <param name="Corrects">For a correction step: the step it corrected.</param>
public sealed record EffectiveStep(
    JourneyStepRecorded Step,
    DateTimeOffset OccurredAt,
    DateTimeOffset? OriginalOccurredAt,
    Guid? CorrectedBy,
    DateTimeOffset? SupersededAt,
    Guid? Corrects);

/// <summary>
/// Back-dated corrections arrive as steps of their own and never change the steps they correct: the
/// journey keeps both. What the visit looks like now (times, stages, waits) is computed by applying
/// the latest correction of each step over the recorded ones, whatever order they arrived in.
/// </summary>
public static class JourneyCorrections
{
    private static readonly string ArrivalCorrected = ContractSteps.NameOf(typeof(ArrivalTimeCorrected));
    private static readonly string CheckedIn = ContractSteps.NameOf(typeof(PatientCheckedIn));

    public static IReadOnlyList<EffectiveStep> Effective(IReadOnlyList<JourneyStepRecorded> steps)
    {
        var latest = new Dictionary<Guid, JourneyStepRecorded>();
        var targets = new Dictionary<Guid, Guid>();
        foreach (var correction in steps.Where(IsCorrection).OrderBy(step => step.RecordedAt))
        {
            if (TargetOf(correction, steps) is { } target)
            {
                latest[target.SourceEventId] = correction;
                targets[correction.SourceEventId] = target.SourceEventId;
            }
        }

        return [.. steps
            .Select(step => latest.TryGetValue(step.SourceEventId, out var correction)
                ? new EffectiveStep(step, correction.OccurredAt, step.OccurredAt, correction.SourceEventId, correction.RecordedAt, null)
                : new EffectiveStep(step, step.OccurredAt, null, null, null, targets.TryGetValue(step.SourceEventId, out var target) ? target : null))
            .OrderBy(effective => effective.OccurredAt)
            .ThenBy(effective => effective.Step.RecordedAt)];
    }

    private static bool IsCorrection(JourneyStepRecorded step) => step.Corrects is not null || step.EventType == ArrivalCorrected;

    /// <summary>A vitals correction names its step; an arrival correction corrects the visit's check-in.</summary>
    private static JourneyStepRecorded? TargetOf(JourneyStepRecorded correction, IReadOnlyList<JourneyStepRecorded> steps) =>
        correction.Corrects is { } id
            ? steps.FirstOrDefault(step => step.SourceEventId == id)
            : steps.Where(step => step.EventType == CheckedIn).OrderBy(step => step.RecordedAt).LastOrDefault();
}
