namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A clinician acknowledged a result.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was acknowledged.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="TestCode">LOINC code.</param>
/// <param name="Critical">Whether it was a critical value.</param>
/// <param name="AcknowledgedBy">The acknowledging user's id.</param>
public sealed record LabResultAcknowledged(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    string TestCode,
    bool Critical,
    string AcknowledgedBy) : IVisitEvent;
