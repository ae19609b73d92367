namespace PatientFlow.Tracking.Journeys.GettingTimeline;

/// <summary>How long a visit stayed in one stage: from entering it until it entered the next stage it reached.</summary>
/// <param name="EnteredAt">The clinic time of the stage's first step, as corrected.</param>
/// <param name="LeftAt">When the visit entered the next stage it reached; null while it is in this one.</param>
/// <param name="Minutes">Whole minutes from <paramref name="EnteredAt"/> to <paramref name="LeftAt"/>; null while in the stage.</param>
public sealed record StageTime(VisitStage Stage, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, int? Minutes)
{
    /// <summary>
    /// The stages reached, in visit order, each timed until the next one reached: arrived → roomed is the wait
    /// for a room. Times are the corrected ones, so a back-dated arrival lengthens the wait it starts. A later
    /// stage noted before an earlier one (vitals entered before the rooming) counts as no wait, never a negative one.
    /// </summary>
    public static IReadOnlyList<StageTime> Of(IEnumerable<EffectiveStep> steps)
    {
        var entered = steps
            .Where(effective => effective.Step.Stage is not null)
            .GroupBy(effective => effective.Step.Stage!.Value, effective => effective.OccurredAt)
            .OrderBy(stage => stage.Key)
            .Select(stage => (Stage: stage.Key, At: stage.Min()))
            .ToArray();
        return [.. entered.Select((stage, i) => i + 1 < entered.Length
            ? new StageTime(stage.Stage, stage.At, entered[i + 1].At, Math.Max(0, (int)Math.Floor((entered[i + 1].At - stage.At).TotalMinutes)))
            : new StageTime(stage.Stage, stage.At, null, null))];
    }
}
