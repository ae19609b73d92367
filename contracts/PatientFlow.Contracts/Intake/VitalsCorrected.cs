namespace PatientFlow.Contracts.Intake.V1;

/// <summary>
/// A set of vital signs recorded earlier was wrong and has been replaced. The original
/// <see cref="VitalsRecorded"/> stays in the history; consumers show these values in its place.
/// </summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the corrected vitals were taken (clinic time, usually earlier than <paramref name="RecordedAt"/>).</param>
/// <param name="RecordedAt">When PatientFlow recorded the correction.</param>
/// <param name="CorrectedEventId">The <see cref="VitalsRecorded.EventId"/> whose values this replaces.</param>
/// <param name="Observations">The corrected vital signs, replacing every observation of the corrected set.</param>
/// <param name="Reason">Why the values were corrected, as entered by staff.</param>
public sealed record VitalsCorrected(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid CorrectedEventId,
    IReadOnlyList<VitalSignObservation> Observations,
    string Reason) : IVisitEvent;
