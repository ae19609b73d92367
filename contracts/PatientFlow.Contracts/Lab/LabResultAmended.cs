namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A result was corrected. The original value stays on record; the result must be acknowledged again.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the result was amended.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="TestCode">LOINC code.</param>
/// <param name="Value">The corrected value.</param>
/// <param name="Unit">UCUM unit, empty for text results.</param>
/// <param name="Flag">Interpretation flag of the corrected value.</param>
/// <param name="OriginalValue">The value first reported.</param>
/// <param name="OriginalFlag">Its flag.</param>
public sealed record LabResultAmended(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    string TestCode,
    string Value,
    string Unit,
    string Flag,
    string OriginalValue,
    string OriginalFlag) : IVisitEvent;
