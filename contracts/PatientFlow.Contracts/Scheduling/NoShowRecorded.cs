namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The patient had not arrived the configured grace period after the start time. A later check-in still works.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">When the no-show was detected.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="ProviderId">The provider the visit was booked with.</param>
/// <param name="StartsAt">The scheduled start that was missed.</param>
public sealed record NoShowRecorded(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid ProviderId,
    DateTimeOffset StartsAt) : IVisitEvent;
