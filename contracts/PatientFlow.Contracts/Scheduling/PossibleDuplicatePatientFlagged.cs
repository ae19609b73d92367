namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>
/// A patient was registered although others share their name and birth date (the clerk checked and went on):
/// the records are flagged for a person to merge or confirm distinct.
/// </summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="PatientId">The patient just registered.</param>
/// <param name="OccurredAt">When the registration was made.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="LikelyDuplicateOf">The patients already registered with the same name and birth date.</param>
public sealed record PossibleDuplicatePatientFlagged(
    Guid EventId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    IReadOnlyList<Guid> LikelyDuplicateOf) : IIntegrationEvent;
