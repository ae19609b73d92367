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
        [.. JourneyCorrections.Effective(journey.Steps).Select(effective => new TimelineStep(
            effective.Step.Stage, effective.Step.EventType, effective.OccurredAt, effective.Step.RecordedAt, effective.Step.SourceEventId,
            effective.OriginalOccurredAt, effective.CorrectedBy, effective.Corrects))]);
}

/// <param name="Stage">The stage the step put the visit in; null for a step that moves no stage.</param>
/// <param name="OccurredAt">When it happened in the clinic, as corrected.</param>
/// <param name="SourceEventId">The integration event the step came from.</param>
/// <param name="OriginalOccurredAt">The clinic time first recorded, when a correction changed it.</param>
/// <param name="CorrectedBy">The correction step that changed this step's time or values.</param>
/// <param name="Corrects">For a correction: the step it corrects.</param>
public sealed record TimelineStep(
    VisitStage? Stage,
    string EventType,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid SourceEventId,
    DateTimeOffset? OriginalOccurredAt = null,
    Guid? CorrectedBy = null,
    Guid? Corrects = null);
