namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A send-out's results did not arrive by the expected time. Raised once per specimen.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the lateness was detected.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="SpecimenId">The specimen.</param>
/// <param name="AccessionId">Its accession number.</param>
/// <param name="ExternalLab">The performing lab.</param>
/// <param name="TestCodes">LOINC codes still without a result.</param>
/// <param name="ExpectedBy">When results were due.</param>
public sealed record SendOutOverdue(
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
