namespace PatientFlow.Contracts.Intake.V1;

/// <summary>Intake opened the clinical encounter for an arrived patient.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit; the encounter is identified by the same id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the encounter was opened.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider responsible for the encounter.</param>
public sealed record EncounterOpened(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId) : IVisitEvent;
