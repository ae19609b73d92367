namespace PatientFlow.Contracts.Billing.V1;

/// <summary>A visit's claim moved on: submitted, accepted, rejected, paid, partially paid, denied, appealed or corrected.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit billed.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the claim changed.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="Status"><c>submitted</c>, <c>accepted</c>, <c>rejected</c>, <c>paid</c>, <c>partially-paid</c>, <c>denied</c>, <c>appealed</c> or <c>corrected</c>.</param>
/// <param name="Paid">What the payer paid, once adjudicated.</param>
/// <param name="PatientResponsibility">What the patient owes, once adjudicated.</param>
public sealed record ClaimStatusChanged(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ClaimId,
    string Status,
    decimal? Paid = null,
    decimal? PatientResponsibility = null) : IVisitEvent;
