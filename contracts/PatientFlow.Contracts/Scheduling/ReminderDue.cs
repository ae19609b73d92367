namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>
/// A reminder of the visit is due now. Channel-agnostic: an SMS, email or voice service subscribes and
/// looks up the patient's contact details itself. Raised once per configured offset (e.g. 48 h and 2 h).
/// </summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient to remind.</param>
/// <param name="OccurredAt">When the reminder fell due (the start minus the offset).</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="StartsAt">The visit's scheduled start.</param>
/// <param name="OffsetMinutes">How long before the start this reminder is, in minutes (2880 for 48 h).</param>
public sealed record ReminderDue(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset StartsAt,
    int OffsetMinutes) : IVisitEvent;
