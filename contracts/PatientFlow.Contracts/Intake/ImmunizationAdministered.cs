namespace PatientFlow.Contracts.Intake.V1;

/// <summary>A vaccine was given.</summary>
/// <param name="EventId">Unique, stable id of this event; also the entry's id, by which it is marked entered in error.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When it was given.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="CvxCode">CDC CVX vaccine code.</param>
/// <param name="Vaccine">The vaccine's name as entered.</param>
/// <param name="Given">Lot, expiry, site, route and dose.</param>
public sealed record ImmunizationAdministered(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string CvxCode,
    string? Vaccine,
    AdministrationDetails Given) : IVisitEvent;

/// <summary>What was given, from which lot, where and how much.</summary>
/// <param name="Lot">The manufacturer's lot number.</param>
/// <param name="ExpiresOn">The lot's expiry date (never before the day given).</param>
/// <param name="Site">Body site, for example <c>left-deltoid</c>.</param>
/// <param name="Route"><c>IM</c>, <c>SC</c>, <c>ID</c>, <c>PO</c>, <c>IN</c> or <c>IV</c>.</param>
/// <param name="DoseAmount">Amount given.</param>
/// <param name="DoseUnit">Unit of the amount, for example <c>mL</c>.</param>
public sealed record AdministrationDetails(string Lot, DateOnly ExpiresOn, string Site, string Route, decimal DoseAmount, string DoseUnit);
