namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The patient arrived and was checked in at the front desk, with demographics and insurance confirmed.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">Arrival time at the clinic.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider the patient is booked with.</param>
/// <param name="Clinic">The clinic.</param>
/// <param name="WalkIn">True when the visit was created at arrival, without an appointment.</param>
/// <param name="InsuranceMemberId">The member id the patient confirmed at check-in (null: self-pay); billing verifies eligibility with it.</param>
/// <param name="InsurancePayer">The payer the patient confirmed at check-in.</param>
public sealed record PatientCheckedIn(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId,
    string Clinic,
    bool WalkIn = false,
    string? InsuranceMemberId = null,
    string? InsurancePayer = null) : IVisitEvent;
