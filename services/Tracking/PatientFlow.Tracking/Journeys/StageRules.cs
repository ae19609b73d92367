namespace PatientFlow.Tracking.Journeys;

public sealed record CurrentStage(VisitStage Stage, DateTimeOffset EnteredAt);

/// <summary>
/// Events from different services arrive in any order, so the current stage is the furthest one
/// reached, never the latest to arrive: a lab order noted after check-out does not move the visit back.
/// </summary>
public static class StageRules
{
    /// <returns>The furthest stage, entered when its first step happened in the clinic; null before any stage.</returns>
    public static CurrentStage? Current(IEnumerable<JourneyStepRecorded> steps) => steps
        .Where(step => step.Stage is not null)
        .OrderByDescending(step => step.Stage)
        .ThenBy(step => step.OccurredAt)
        .ThenBy(step => step.RecordedAt)
        .Select(step => new CurrentStage(step.Stage!.Value, step.OccurredAt))
        .FirstOrDefault();
}
