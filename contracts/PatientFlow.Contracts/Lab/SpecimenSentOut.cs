namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A specimen went to an external lab for its send-out tests.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the specimen was sent.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="SpecimenId">The specimen.</param>
/// <param name="AccessionId">Its accession number.</param>
/// <param name="ExternalLab">The performing lab.</param>
/// <param name="TestCodes">LOINC codes of the tests sent out.</param>
/// <param name="ExpectedBy">When results are due, from the tests' expected turnaround.</param>
public sealed record SpecimenSentOut(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    Guid SpecimenId,
    string AccessionId,
    string ExternalLab,
    IReadOnlyList<string> TestCodes,
    DateTimeOffset ExpectedBy) : IVisitEvent;
