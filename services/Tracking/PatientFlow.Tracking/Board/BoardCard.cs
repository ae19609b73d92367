using PatientFlow.Platform.Access;
using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Board;

/// <summary>The flow board's columns, in the order a visit moves through them. A claimed visit stays checked out.</summary>
public enum BoardStage
{
    Booked,
    Arrived,
    Roomed,
    IntakeDone,
    WithProvider,
    ProviderDone,
    LabPending,
    CheckedOut,
}

/// <summary>
/// One visit's card: ids, where and when, never a name (tracking holds none). Times are clinic times, as corrected.
/// </summary>
/// <param name="StageEnteredAt">When the visit reached its column's stage.</param>
/// <param name="RoomedAt">When the patient was put in <paramref name="Room"/>.</param>
/// <param name="LateMinutes">Minutes late by scheduling's late-arrival flag.</param>
/// <param name="LabPending">A lab order placed for the visit has no result yet.</param>
/// <param name="CommittedAt">When the latest step behind the card was recorded by the service that made it.</param>
public sealed record BoardCard(
    Guid VisitId,
    Guid PatientId,
    string? Clinic,
    Guid? ProviderId,
    string? Room,
    string? VisitType,
    DateTimeOffset? ScheduledAt,
    BoardStage Stage,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset? RoomedAt,
    bool NoShow,
    int? LateMinutes,
    bool LabPending,
    DateTimeOffset CommittedAt)
{
    /// <summary>The visit's card, or null when it is not on the board now.</summary>
    public static BoardCard? For(VisitJourney journey, DateTimeOffset now, BoardOptions options)
    {
        if (journey.CurrentStage is not { } current || journey.Cancelled)
        {
            return null;
        }

        var flow = VisitFlow.From(journey);
        var stage = current >= VisitStage.CheckedOut ? BoardStage.CheckedOut : (BoardStage)(int)current;
        var entered = flow.At((VisitStage)(int)stage) ?? journey.StageEnteredAt!.Value;
        var onBoard = stage switch
        {
            BoardStage.Booked => journey.ScheduledAt is { } at && at >= now - options.BookedWithin && at <= now + options.BookedWithin,
            BoardStage.CheckedOut => entered >= now - options.CheckedOutFor,
            _ => entered >= now - options.InClinicFor,
        };
        return onBoard
            ? new BoardCard(
                journey.VisitId, journey.PatientId, journey.Clinic, journey.ProviderId, journey.Room, journey.VisitType, journey.ScheduledAt,
                stage, entered, flow.At(VisitStage.Roomed), journey.NoShow, journey.LateMinutes,
                flow.LabOrders.Any(order => order.ResultedAt is null),
                journey.Steps.Max(step => step.RecordedAt))
            : null;
    }

    /// <summary>The same card but for when its step was recorded: what a viewer sees change.</summary>
    public bool LooksLike(BoardCard? other) => other is not null && this with { CommittedAt = other.CommittedAt } == other;
}

/// <summary>Which cards a viewer watches: within the clinics its token grants, the clinic and provider it chose.</summary>
/// <param name="Granted">The viewer's clinics (its request's <see cref="ClinicScope"/>); null for every clinic.</param>
public sealed record BoardFilter(string? Clinic, Guid? ProviderId, ClinicScope? Granted = null)
{
    public static readonly BoardFilter All = new(null, null);

    public bool Admits(BoardCard card) =>
        (Granted?.AdmitsRecordIn(card.Clinic) ?? true) && (Clinic is null || card.Clinic == Clinic) && (ProviderId is null || card.ProviderId == ProviderId);

    /// <summary>Whether a bottleneck of <paramref name="clinic"/> (null: over every clinic, so only for viewers of every clinic) is shown.</summary>
    public bool Sees(string? clinic) =>
        (Granted?.AdmitsRecordIn(clinic) ?? true) && (Clinic is null || clinic is null || Clinic == clinic);
}
