namespace PatientFlow.Contracts.Intake.V1;

/// <summary>A problem on the patient's history, reviewed during intake.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Description">The problem as described.</param>
/// <param name="Icd10Code">ICD-10-CM code, when coded.</param>
/// <param name="Status"><c>active</c> or <c>resolved</c>.</param>
/// <param name="OnsetDate">When it began, if known.</param>
public sealed record ProblemRecorded(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Description,
    string? Icd10Code,
    string Status,
    DateOnly? OnsetDate) : IVisitEvent;
