namespace PatientFlow.Tracking.Journeys;

/// <summary>
/// Tracking learned of one thing that happened in a visit. Appended once per integration event
/// (<see cref="SourceEventId"/>) to the visit's journey stream, never changed afterwards.
/// </summary>
/// <param name="EventType">The contract's name, for example <c>scheduling.appointment-booked.v1</c>.</param>
/// <param name="Stage">The stage this step puts the visit in; null for a step that moves no stage.</param>
/// <param name="OccurredAt">When it happened in the clinic.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Corrects">For a correction naming what it corrects (vitals): the corrected step's <see cref="SourceEventId"/>.</param>
/// <param name="VisitType">The appointment type's code, from the booking.</param>
/// <param name="ScheduledAt">The scheduled start the step names (booking, reschedule, no-show, late arrival).</param>
/// <param name="Reference">The lab order or referral the step is about.</param>
/// <param name="Payload">
/// The integration event itself (camelCase JSON), the integrator feed's data. Kept in the journey's log only: the
/// journey read model drops it (<see cref="VisitJourney.Apply"/>), so no board or timeline carries clinical values.
/// </param>
public sealed record JourneyStepRecorded(
    Guid VisitId,
    Guid PatientId,
    Guid SourceEventId,
    string EventType,
    VisitStage? Stage,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    Guid? Corrects = null,
    string? VisitType = null,
    DateTimeOffset? ScheduledAt = null,
    Guid? Reference = null,
    System.Text.Json.JsonElement? Payload = null);
