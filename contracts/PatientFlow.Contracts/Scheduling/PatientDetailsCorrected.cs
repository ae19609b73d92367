namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>
/// Demographics or insurance on file were corrected. Names the fields only: a consumer that needs the values
/// (billing, for the subscriber) reads the patient from scheduling's API.
/// </summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the correction was made.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="Fields">The corrected fields, for example <c>insuranceMemberId</c>, <c>address</c>.</param>
public sealed record PatientDetailsCorrected(
    Guid EventId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> Fields) : IIntegrationEvent;
