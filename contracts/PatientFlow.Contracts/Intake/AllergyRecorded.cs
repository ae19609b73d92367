namespace PatientFlow.Contracts.Intake.V1;

/// <summary>An allergy or intolerance with its reaction and severity.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Substance">What the patient reacts to.</param>
/// <param name="Reaction">The reaction, for example "hives".</param>
/// <param name="Severity"><c>mild</c>, <c>moderate</c> or <c>severe</c>.</param>
/// <param name="Kind"><c>drug</c>, <c>food</c>, <c>environment</c> or <c>other</c>.</param>
public sealed record AllergyRecorded(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Substance,
    string Reaction,
    string Severity,
    string Kind) : IVisitEvent;
