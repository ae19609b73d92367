namespace PatientFlow.Contracts.Intake.V1;

/// <summary>The provider began seeing the patient (the visit is now "with provider").</summary>
/// <param name="EventId">Unique, stable id of this event; the same on every redelivery.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the provider started.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider.</param>
public sealed record ProviderEncounterStarted(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId) : IVisitEvent;
