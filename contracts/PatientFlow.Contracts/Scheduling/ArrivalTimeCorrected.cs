namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>
/// The recorded arrival time of a checked-in patient was wrong and has been corrected. The original
/// <see cref="PatientCheckedIn"/> stays in the history; this event supersedes its arrival time.
/// </summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">The corrected arrival time at the clinic.</param>
/// <param name="RecordedAt">When PatientFlow recorded the correction.</param>
/// <param name="PreviousArrivedAt">The arrival time that was on record before this correction.</param>
/// <param name="Reason">Why the time was corrected, as entered by staff (free text, no clinical content).</param>
public sealed record ArrivalTimeCorrected(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset PreviousArrivedAt,
    string Reason) : IVisitEvent;
