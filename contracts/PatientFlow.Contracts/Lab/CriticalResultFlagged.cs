namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A result is critical (beyond a critical limit) and must be acknowledged by a clinician by <c>AcknowledgeBy</c>.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the result was flagged.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="TestCode">LOINC code.</param>
/// <param name="Flag"><c>LL</c> or <c>HH</c>.</param>
/// <param name="AcknowledgeBy">Deadline for a clinician's acknowledgement.</param>
public sealed record CriticalResultFlagged(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    string TestCode,
    string Flag,
    DateTimeOffset AcknowledgeBy) : IVisitEvent;
