using Hl7.Fhir.Model;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using static Hl7.Fhir.Model.Encounter;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// The statuses an encounter went through, in FHIR's order (planned, then cancelled or arrived → triaged →
/// in-progress → finished), each from when it happened in the clinic until the next began. Events arrive in
/// any order, so the order is FHIR's, never arrival order: a rooming noted after the provider started still
/// sits between arrival and the provider.
/// </summary>
internal static class EncounterStatuses
{
    public static List<StatusHistoryComponent> History(IReadOnlyList<IVisitEvent> events)
    {
        var reached = Reached(events);
        return [.. reached.Select((status, i) => new StatusHistoryComponent
        {
            Status = status.Status,
            Period = new Period(
                VisitEvents.DateTime(status.At),
                // FHIR forbids a period ending before it starts; a step back-dated past its successor lasts no time.
                i + 1 < reached.Count ? VisitEvents.DateTime(Max(status.At, reached[i + 1].At)) : null),
        })];
    }

    /// <summary>When the patient arrived: the latest-recorded correction of the check-in time wins.</summary>
    public static DateTimeOffset? ArrivedAt(IReadOnlyList<IVisitEvent> events) =>
        events.Latest<ArrivalTimeCorrected>()?.OccurredAt
        ?? events.OfType<PatientCheckedIn>().Select(e => (DateTimeOffset?)e.OccurredAt).Min()
        // Intake opens the encounter only for an arrived patient: evidence of arrival when the check-in is still on its way.
        ?? events.OfType<EncounterOpened>().Select(e => (DateTimeOffset?)e.OccurredAt).Min();

    public static DateTimeOffset? FinishedAt(IReadOnlyList<IVisitEvent> events) => FirstAt<PatientCheckedOut>(events);

    public static bool Changes(IVisitEvent e) => e is AppointmentBooked or PatientCheckedIn or ArrivalTimeCorrected or EncounterOpened
        or PatientRoomed or ProviderEncounterStarted or PatientCheckedOut or AppointmentCancelled or NoShowRecorded or AppointmentRescheduled;

    private sealed record Reach(EncounterStatus Status, DateTimeOffset At);

    private static List<Reach> Reached(IReadOnlyList<IVisitEvent> events)
    {
        var reached = new List<Reach>();

        // A walk-in is booked as the patient arrives: it was never planned.
        var bookedAt = events.OfType<AppointmentBooked>().Where(b => b.BookedVia != "walk-in").Select(b => (DateTimeOffset?)b.OccurredAt).Min();
        if (bookedAt is not null)
        {
            reached.Add(new Reach(EncounterStatus.Planned, bookedAt.Value));
        }

        var progress = new (EncounterStatus Status, DateTimeOffset? At)[]
        {
            (EncounterStatus.Arrived, ArrivedAt(events)),
            (EncounterStatus.Triaged, FirstAt<PatientRoomed>(events)),
            (EncounterStatus.InProgress, FirstAt<ProviderEncounterStarted>(events)),
            (EncounterStatus.Finished, FinishedAt(events)),
        };
        reached.AddRange(progress.Where(step => step.At is not null).Select(step => new Reach(step.Status, step.At!.Value)));
        if (reached.All(step => step.Status == EncounterStatus.Planned) && CancelledAt(events) is { } cancelledAt)
        {
            reached.Add(new Reach(EncounterStatus.Cancelled, cancelledAt));
        }

        return reached;
    }

    /// <summary>
    /// Cancelled before it began: the appointment was cancelled, or missed and not moved to another slot.
    /// A patient who comes after all makes it an arrival instead (the caller only asks before arrival).
    /// </summary>
    private static DateTimeOffset? CancelledAt(IReadOnlyList<IVisitEvent> events)
    {
        var lastMoved = events.Latest<AppointmentRescheduled>()?.RecordedAt;
        return events
            .Where(e => e is AppointmentCancelled || (e is NoShowRecorded && !(lastMoved > e.RecordedAt)))
            .Select(e => (DateTimeOffset?)e.OccurredAt)
            .Min();
    }

    private static DateTimeOffset? FirstAt<T>(IReadOnlyList<IVisitEvent> events) where T : IVisitEvent =>
        events.OfType<T>().Select(e => (DateTimeOffset?)e.OccurredAt).Min();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
