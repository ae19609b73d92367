namespace PatientFlow.Tracking.Journeys.GettingTimeline;

/// <summary>A visit's journey in clinic-time order, as answered by GET /api/tracking/visits/{visitId}/timeline.</summary>
/// <param name="Stages">Time spent in each stage reached, measured on the corrected clinic times.</param>
/// <param name="Steps">Every step tracking recorded, corrections included, in corrected clinic-time order.</param>
public sealed record VisitTimeline(
    Guid VisitId,
    Guid PatientId,
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    VisitStage? CurrentStage,
    DateTimeOffset? StageEnteredAt,
    IReadOnlyList<StageTime> Stages,
    IReadOnlyList<TimelineStep> Steps)
{
    public static VisitTimeline From(VisitJourney journey)
    {
        var effective = JourneyCorrections.Effective(journey.Steps);
        return new VisitTimeline(
            journey.VisitId, journey.PatientId, journey.Clinic, journey.ProviderId, journey.Room,
            journey.CurrentStage, journey.StageEnteredAt, StageTime.Of(effective),
            [.. effective.Select(step => new TimelineStep(
                step.Step.Stage, step.Step.EventType, step.OccurredAt, step.Step.RecordedAt, step.Step.SourceEventId,
                step.OriginalOccurredAt, step.CorrectedBy, step.SupersededAt, step.Corrects))]);
    }
}

/// <param name="Stage">The stage the step put the visit in; null for a step that moves no stage.</param>
/// <param name="OccurredAt">When it happened in the clinic, as corrected.</param>
/// <param name="SourceEventId">The integration event the step came from.</param>
/// <param name="OriginalOccurredAt">The clinic time first recorded, when a correction changed it.</param>
/// <param name="CorrectedBy">The correction step that changed this step's time or values.</param>
/// <param name="SupersededAt">When that correction was recorded: until then, this step stood as first recorded.</param>
/// <param name="Corrects">For a correction: the step it corrects.</param>
public sealed record TimelineStep(
    VisitStage? Stage,
    string EventType,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid SourceEventId,
    DateTimeOffset? OriginalOccurredAt = null,
    Guid? CorrectedBy = null,
    DateTimeOffset? SupersededAt = null,
    Guid? Corrects = null);
