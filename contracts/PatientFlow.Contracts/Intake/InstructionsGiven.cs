namespace PatientFlow.Contracts.Intake.V1;

/// <summary>Education or post-visit care instructions were given to the patient.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When they were given.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Kind"><c>education</c> or <c>post-visit-care</c>.</param>
/// <param name="Topic">Short title.</param>
/// <param name="Text">The instructions as given.</param>
public sealed record InstructionsGiven(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Kind,
    string Topic,
    string Text) : IVisitEvent;
