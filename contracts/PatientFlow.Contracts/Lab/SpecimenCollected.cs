namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A specimen was collected for tests of an order.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the specimen was collected.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="SpecimenId">The specimen.</param>
/// <param name="AccessionId">The accession number on the specimen's label.</param>
/// <param name="SpecimenType">For example <c>blood</c>, <c>urine</c>, <c>swab</c>.</param>
/// <param name="TestCodes">LOINC codes of the tests the specimen is for.</param>
public sealed record SpecimenCollected(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    Guid SpecimenId,
    string AccessionId,
    string SpecimenType,
    IReadOnlyList<string> TestCodes) : IVisitEvent;
