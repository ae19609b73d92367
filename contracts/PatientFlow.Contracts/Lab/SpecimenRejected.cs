namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A specimen was rejected; its tests wait for a new specimen (see <see cref="RecollectionRequested"/>).</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the specimen was rejected.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="SpecimenId">The rejected specimen.</param>
/// <param name="AccessionId">Its accession number.</param>
/// <param name="Reason"><c>haemolysed</c>, <c>unlabelled</c>, <c>mislabelled</c>, <c>clotted</c>, <c>insufficient-quantity</c>, <c>contaminated</c>, <c>leaked</c> or <c>too-old</c>.</param>
/// <param name="TestCodes">LOINC codes of the tests that need a new specimen.</param>
public sealed record SpecimenRejected(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    Guid SpecimenId,
    string AccessionId,
    string Reason,
    IReadOnlyList<string> TestCodes) : IVisitEvent;
