namespace PatientFlow.Contracts.Intake.V1;

/// <summary>The patient was taken to an exam room.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the patient entered the room.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Room">The room's code, for example <c>EXAM-3</c>.</param>
/// <param name="PreviousRoom">The room the patient was moved out of, when this is a move (that room now needs cleaning).</param>
public sealed record PatientRoomed(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Room,
    string? PreviousRoom = null) : IVisitEvent;
