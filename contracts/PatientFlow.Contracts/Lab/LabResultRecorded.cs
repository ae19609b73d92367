namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A lab test's result was recorded.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the result was produced.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order the result answers.</param>
/// <param name="TestCode">LOINC code of the test.</param>
/// <param name="Value">Result value as reported (numeric or text).</param>
/// <param name="Unit">UCUM unit, empty for text results.</param>
/// <param name="Flag">Interpretation flag: <c>N</c>, <c>L</c>, <c>H</c>, <c>LL</c>, <c>HH</c> or <c>A</c>.</param>
/// <param name="BillingCode">The catalog's price code (CPT) billing charges once per resulted test.</param>
/// <param name="ReferenceRange">The reference range applied, for example <c>12.0-15.5</c>; chosen by sex and age band where they differ. Null for text results.</param>
/// <param name="AccessionId">Accession number of the specimen the result came from.</param>
public sealed record LabResultRecorded(
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
    string BillingCode,
    string? ReferenceRange = null,
    string? AccessionId = null) : IVisitEvent;
