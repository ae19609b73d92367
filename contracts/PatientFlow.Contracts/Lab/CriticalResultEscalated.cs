namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A critical result was not acknowledged in time and is escalated. Raised once per critical flag.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the escalation was raised.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="TestCode">LOINC code.</param>
/// <param name="AcknowledgeBy">The deadline that passed.</param>
public sealed record CriticalResultEscalated(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    string TestCode,
    DateTimeOffset AcknowledgeBy) : IVisitEvent;
