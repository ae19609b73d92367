namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The patient arrived and was checked in at the front desk.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">Arrival time at the clinic.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider the patient is booked with.</param>
/// <param name="Clinic">The clinic.</param>
public sealed record PatientCheckedIn(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId,
    string Clinic) : IVisitEvent;
