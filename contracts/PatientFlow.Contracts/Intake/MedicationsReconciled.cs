namespace PatientFlow.Contracts.Intake.V1;

/// <summary>The current medications reviewed with the patient: each continued, changed or stopped.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the list was reconciled.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Medications">The whole reconciled list.</param>
public sealed record MedicationsReconciled(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    IReadOnlyList<ReconciledMedication> Medications) : IVisitEvent;

/// <summary>One medication of a reconciliation.</summary>
/// <param name="Name">As the patient takes it.</param>
/// <param name="Dose">For example "10 mg".</param>
/// <param name="Frequency">For example "once daily".</param>
/// <param name="RxNormCode">RxNorm concept id, when coded.</param>
/// <param name="Status"><c>continued</c>, <c>changed</c> or <c>stopped</c>.</param>
/// <param name="Change">What changed, for a changed medication.</param>
/// <param name="Reason">Why it was stopped, for a stopped medication.</param>
public sealed record ReconciledMedication(string Name, string? Dose, string? Frequency, string? RxNormCode, string Status, string? Change, string? Reason);
