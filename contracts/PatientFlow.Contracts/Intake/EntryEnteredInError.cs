namespace PatientFlow.Contracts.Intake.V1;

/// <summary>
/// An entry of the encounter (vitals, complaint, problem, allergy, medications, immunization, injection,
/// instructions) was recorded by mistake. It stays in the history; consumers treat it as void.
/// </summary>
/// <param name="EventId">Unique, stable id of this event; the same on every redelivery.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was marked.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="EntryEventId">The <c>EventId</c> of the entry's event that is now void.</param>
/// <param name="EntryKind">What kind of entry it was, for example <c>vitals</c> or <c>allergy</c>.</param>
/// <param name="Reason">Why, as entered by staff.</param>
public sealed record EntryEnteredInError(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid EntryEventId,
    string EntryKind,
    string Reason) : IVisitEvent;
