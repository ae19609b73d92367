namespace PatientFlow.Contracts.Intake.V1;

/// <summary>A set of vital signs was taken during intake.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the vitals were taken.</param>
/// <param name="RecordedAt">When PatientFlow recorded them.</param>
/// <param name="Observations">Each measured vital sign.</param>
public sealed record VitalsRecorded(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    IReadOnlyList<VitalSignObservation> Observations) : IVisitEvent;

/// <summary>One measured vital sign.</summary>
/// <param name="LoincCode">LOINC code of the observation, for example <c>8867-4</c> for heart rate.</param>
/// <param name="Name">Short name, for example <c>heart-rate</c>.</param>
/// <param name="Value">Measured value in <paramref name="Unit"/>.</param>
/// <param name="Unit">UCUM unit, for example <c>/min</c>.</param>
/// <param name="Abnormal">True when the value lies outside the normal adult range.</param>
public sealed record VitalSignObservation(string LoincCode, string Name, decimal Value, string Unit, bool Abnormal);
