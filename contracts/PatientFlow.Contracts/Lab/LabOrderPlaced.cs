namespace PatientFlow.Contracts.Lab.V1;

/// <summary>Lab tests were ordered for a visit: one order, one or more tests.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the order was placed.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="Priority"><c>routine</c>, <c>urgent</c> or <c>stat</c>.</param>
/// <param name="Tests">The tests ordered, each with its LOINC code.</param>
public sealed record LabOrderPlaced(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    string Priority,
    IReadOnlyList<OrderedLabTest> Tests) : IVisitEvent;

/// <summary>One test on a lab order.</summary>
/// <param name="TestCode">LOINC code.</param>
/// <param name="TestName">Display name.</param>
/// <param name="Specimen">Specimen type it needs, for example <c>blood</c>, <c>urine</c>, <c>swab</c>.</param>
/// <param name="Performed"><c>in-house</c> or <c>send-out</c>.</param>
public sealed record OrderedLabTest(string TestCode, string TestName, string Specimen, string Performed);
