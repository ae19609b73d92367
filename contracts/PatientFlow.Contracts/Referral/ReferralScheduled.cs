namespace PatientFlow.Contracts.Referral.V1;

/// <summary>The referred appointment was booked: in network through scheduling (its appointment is a visit of its own), or at an outside facility.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The referring visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was booked.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ReferralId">The referral.</param>
/// <param name="InNetwork">Booked in PatientFlow's scheduling.</param>
/// <param name="AppointmentId">The scheduling appointment (visit) when in network.</param>
/// <param name="Facility">The clinic (in network) or the outside facility.</param>
/// <param name="AppointmentAt">When the appointment is.</param>
public sealed record ReferralScheduled(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ReferralId,
    bool InNetwork,
    Guid? AppointmentId,
    string Facility,
    DateTimeOffset AppointmentAt) : IVisitEvent;
