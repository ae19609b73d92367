namespace PatientFlow.Contracts.Lab.V1;

/// <summary>Tests of a lab order were cancelled before they were resulted; resulted tests stand.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit the order belongs to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the order was cancelled.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="OrderId">The lab order.</param>
/// <param name="TestCodes">LOINC codes of the tests cancelled.</param>
public sealed record LabOrderCancelled(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid OrderId,
    IReadOnlyList<string> TestCodes) : IVisitEvent;
