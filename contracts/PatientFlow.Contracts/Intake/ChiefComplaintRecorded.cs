namespace PatientFlow.Contracts.Intake.V1;

/// <summary>Why the patient came, in their words. A later one for the same visit replaces it.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was taken down.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Text">The complaint (clinical free text).</param>
/// <param name="Onset">When it started, as the patient said (free text, e.g. "3 days ago").</param>
public sealed record ChiefComplaintRecorded(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Text,
    string? Onset) : IVisitEvent;
