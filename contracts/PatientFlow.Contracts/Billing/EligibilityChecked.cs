namespace PatientFlow.Contracts.Billing.V1;

/// <summary>Billing asked the payer whether the patient's coverage is good for the visit's date; the front desk acts on an inactive answer before the visit.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the payer answered.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Stage"><c>booking</c> or <c>check-in</c>.</param>
/// <param name="Active">Whether the coverage is active on the date of service; false for self-pay (no coverage on file).</param>
/// <param name="CopayDue">The copay the plan sets for the visit type; zero when inactive.</param>
/// <param name="Currency">ISO 4217 currency of <paramref name="CopayDue"/>.</param>
/// <param name="Reason">The payer's reason, for example <c>active</c> or <c>coverage ended 2026-01-31</c>.</param>
public sealed record EligibilityChecked(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Stage,
    bool Active,
    decimal CopayDue,
    string Currency,
    string Reason) : IVisitEvent;
