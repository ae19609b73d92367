using JasperFx;
using PatientFlow.Contracts.Scheduling.V1;

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
    private static readonly string Cancellation = ContractSteps.NameOf(typeof(AppointmentCancelled));
    private static readonly string NoShowStep = ContractSteps.NameOf(typeof(NoShowRecorded));
    private static readonly string LateArrival = ContractSteps.NameOf(typeof(LateArrivalFlagged));

    /// <summary>The appointment type's code, from the booking.</summary>
    public string? VisitType { get; init; }

    /// <summary>The scheduled start as last booked or rescheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Cancelled before the patient arrived: off the board, out of the no-show rate.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Scheduling recorded a no-show and the patient has not arrived since.</summary>
    public bool NoShow { get; init; }

    /// <summary>Minutes late by scheduling's late-arrival flag; null when not flagged.</summary>
    public int? LateMinutes { get; init; }

    /// <summary>When the visit is on the clinic's day: its scheduled start or its arrival, whichever is earlier; else its first step.</summary>
    public DateTimeOffset? ActiveFrom { get; init; }

    /// <summary>The latest clinic time the visit is known to reach: its last step or its scheduled start.</summary>
    public DateTimeOffset? ActiveUntil { get; init; }

    public static VisitJourney Create(JourneyStepRecorded first) =>
        new VisitJourney(first.VisitId, first.PatientId, null, null, null, null, null, []).Apply(first);

    public VisitJourney Apply(JourneyStepRecorded recorded)
    {
        // The consumer already skips redeliveries; this keeps the read model right even if one slipped through.
        if (Steps.Any(step => step.SourceEventId == recorded.SourceEventId))
        {
            return this;
        }

        var steps = Steps.Append(recorded with { Payload = null }).OrderBy(step => step.OccurredAt).ThenBy(step => step.RecordedAt).ToArray();
        // Stages and their times follow the corrected clinic times; the recorded steps stay as they were.
        var current = StageRules.Current(JourneyCorrections.Effective(steps).Select(effective => effective.Step with { OccurredAt = effective.OccurredAt }));
        var arrived = current is { Stage: >= VisitStage.Arrived };
        var scheduledAt = steps.LastOrDefault(step => step.ScheduledAt is not null && step.EventType != NoShowStep && step.EventType != LateArrival)?.ScheduledAt
            ?? steps.LastOrDefault(step => step.ScheduledAt is not null)?.ScheduledAt;
        var late = steps.LastOrDefault(step => step.EventType == LateArrival) is { ScheduledAt: { } start } flagged
            ? (int?)Math.Max(0, (int)Math.Floor((flagged.OccurredAt - start).TotalMinutes))
            : null;
        var lastStep = steps[^1].OccurredAt;
        return this with
        {
            VisitType = steps.LastOrDefault(step => step.VisitType is not null)?.VisitType,
            ScheduledAt = scheduledAt,
            Cancelled = !arrived && steps.Any(step => step.EventType == Cancellation),
            NoShow = !arrived && steps.Any(step => step.EventType == NoShowStep),
            LateMinutes = late,
            ActiveFrom = ActiveFromOf(steps, scheduledAt),
            ActiveUntil = scheduledAt is { } at && at > lastStep ? at : lastStep,
            // The latest known place and people, by clinic time: a patient moved to another room shows the new one.
            Clinic = steps.LastOrDefault(step => step.Clinic is not null)?.Clinic,
            ProviderId = steps.LastOrDefault(step => step.ProviderId is not null)?.ProviderId,
            Room = steps.LastOrDefault(step => step.Room is not null)?.Room,
            CurrentStage = current?.Stage,
            StageEnteredAt = current?.EnteredAt,
            Steps = steps,
        };
    }

    /// <summary>A patient may arrive before the scheduled start: the visit is on the day from whichever comes first.</summary>
    private static DateTimeOffset ActiveFromOf(IReadOnlyList<JourneyStepRecorded> steps, DateTimeOffset? scheduledAt)
    {
        var inClinic = steps.Where(step => step.Stage is > VisitStage.Booked).Select(step => (DateTimeOffset?)step.OccurredAt).Min();
        return (scheduledAt, inClinic) switch
        {
            ({ } scheduled, { } came) => scheduled < came ? scheduled : came,
            ({ } scheduled, null) => scheduled,
            (null, { } came) => came,
            _ => steps[0].OccurredAt,
        };
    }
}
