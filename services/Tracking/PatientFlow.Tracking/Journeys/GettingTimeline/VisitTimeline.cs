namespace PatientFlow.Tracking.Journeys.GettingTimeline;

/// <summary>A visit's journey in clinic-time order, as answered by GET /api/tracking/visits/{visitId}/timeline.</summary>
public sealed record VisitTimeline(
    Guid VisitId,
    Guid PatientId,
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    VisitStage? CurrentStage,
    DateTimeOffset? StageEnteredAt,
    IReadOnlyList<TimelineStep> Steps)
{
    public static VisitTimeline From(VisitJourney journey) => new(
        journey.VisitId, journey.PatientId, journey.Clinic, journey.ProviderId, journey.Room,
        journey.CurrentStage, journey.StageEnteredAt,
        [.. journey.Steps.Select(step => new TimelineStep(step.Stage, step.EventType, step.OccurredAt, step.RecordedAt, step.SourceEventId))]);
}

/// <param name="Stage">The stage the step put the visit in; null for a step that moves no stage.</param>
/// <param name="SourceEventId">The integration event the step came from.</param>
public sealed record TimelineStep(
    VisitStage? Stage,
    string EventType,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid SourceEventId);
