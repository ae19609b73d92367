namespace PatientFlow.Contracts.Intake.V1;

/// <summary>The patient was asked and reports no known allergies.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
public sealed record NoKnownAllergiesRecorded(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt) : IVisitEvent;
