namespace PatientFlow.Contracts.Lab.V1;

/// <summary>A new specimen must be collected because the previous one was rejected.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the recollection was requested.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="RejectedSpecimenId">The specimen that was rejected.</param>
/// <param name="SpecimenType">The type to collect again.</param>
/// <param name="TestCodes">LOINC codes of the tests waiting for it.</param>
public sealed record RecollectionRequested(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    Guid RejectedSpecimenId,
    string SpecimenType,
    IReadOnlyList<string> TestCodes) : IVisitEvent;
