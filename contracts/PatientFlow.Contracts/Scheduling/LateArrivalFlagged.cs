namespace PatientFlow.Contracts.Scheduling.V1;

/// <summary>The patient checked in later than the configured threshold after the scheduled start.</summary>
/// <param name="EventId">Unique, stable id of this event.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="OccurredAt">The arrival time.</param>
/// <param name="RecordedAt">When PatientFlow recorded it.</param>
/// <param name="StartsAt">The scheduled start.</param>
/// <param name="MinutesLate">Whole minutes between the scheduled start and the arrival.</param>
public sealed record LateArrivalFlagged(
    Guid EventId,
    Guid VisitId,
    Guid PatientId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset StartsAt,
    int MinutesLate) : IVisitEvent;
