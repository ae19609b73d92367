namespace PatientFlow.Contracts.Intake.V1;

/// <summary>A drug was injected in the clinic (billable by its HCPCS J-code when given).</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was given.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Drug">The drug as entered.</param>
/// <param name="HcpcsCode">HCPCS code, for example <c>J1885</c>.</param>
/// <param name="Given">Lot, expiry, site, route and dose.</param>
public sealed record InjectionAdministered(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Drug,
    string? HcpcsCode,
    AdministrationDetails Given) : IVisitEvent;
