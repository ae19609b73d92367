namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>A patient was registered at the front desk. Carries identifiers only; demographics stay in scheduling.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="PatientId">The new patient's id.</param>
/// <param name="OccurredAt">When the patient was registered.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Mrn">The medical record number.</param>
public sealed record PatientRegistered(
    Guid EventId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Mrn) : IIntegrationEvent;
