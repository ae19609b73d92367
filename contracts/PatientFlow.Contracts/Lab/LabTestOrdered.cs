namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A lab test was ordered for a visit.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the order was placed.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="TestCode">LOINC code of the ordered test.</param>
/// <param name="TestName">Display name of the test.</param>
public sealed record LabTestOrdered(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    string TestCode,
    string TestName) : IVisitEvent;
