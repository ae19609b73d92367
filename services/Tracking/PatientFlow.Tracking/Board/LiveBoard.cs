using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Board;

/// <summary>What a board viewer is sent after its first snapshot.</summary>
public abstract record BoardChange;

/// <summary>A card appeared, changed or moved column; <paramref name="Card"/> null: it left the board (or the viewer's filter).</summary>
public sealed record CardChanged(Guid VisitId, BoardCard? Card, DateTimeOffset? CommittedAt) : BoardChange;

/// <summary>Room and provider rows that changed for the viewer: replace each by its key; rows not listed stay as they were.</summary>
public sealed record PanelsChanged(BoardPanels Panels) : BoardChange;

/// <summary>A bottleneck appeared or cleared in a clinic (null: over every clinic).</summary>
public sealed record BottleneckChanged(string Status, string Interval, string Why, string? Clinic, DateTimeOffset At) : BoardChange;

/// <summary>What a viewer sees on connecting: its cards and panels, the thresholds, and the clock to tick with.</summary>
public sealed record BoardSnapshot(
    DateTimeOffset Now,
    double ClockSpeed,
    IReadOnlyList<ThresholdView> Thresholds,
    IReadOnlyList<BoardCard> Cards,
    IReadOnlyList<RoomPanelRow> Rooms,
    IReadOnlyList<ProviderPanelRow> Providers,
    IReadOnlyList<BottleneckChanged> Bottlenecks);

public sealed record ThresholdView(BoardStage Stage, double AmberSeconds, double RedSeconds);

/// <summary>
/// The flow board in memory: one card per visit on it, kept from the journeys as their steps commit, and every
/// viewer's changes pushed to it in commit order. Each tracking instance keeps its own, fed by the same notifications.
/// </summary>
public sealed class LiveBoard(IOptionsMonitor<BoardOptions> options, TimeProvider clock, BoardClock boardClock, ILogger<LiveBoard> logger)
{
    /// <summary>Changes a viewer may fall behind by before it is dropped (it reconnects and starts from a fresh snapshot).</summary>
    public const int ViewerBacklog = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, BoardCard> _cards = [];
    /// <summary>Rooms by clinic and code: two clinics may both have an EXAM-1.</summary>
    private readonly Dictionary<(string? Clinic, string Room), HashSet<Guid>> _byRoom = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _byProvider = [];
    private readonly Dictionary<Guid, VisitJourney> _journeys = [];
    private readonly List<Viewer> _viewers = [];
    private readonly Dictionary<string, BottleneckChanged> _bottlenecks = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _cards.Count;
            }
        }
    }

    public int Viewers
    {
        get
        {
            lock (_gate)
            {
                return _viewers.Count;
            }
        }
    }

    /// <summary>The cards now, for metrics and the JSON snapshot.</summary>
    public IReadOnlyList<BoardCard> Cards(BoardFilter filter)
    {
        lock (_gate)
        {
            return [.. _cards.Values.Where(filter.Admits)];
        }
    }

    /// <summary>The visit's journey as it now stands: its card changes (or leaves), and viewers who see it are told.</summary>
    public void Apply(VisitJourney journey)
    {
        lock (_gate)
        {
            _journeys[journey.VisitId] = journey;
            Put(journey.VisitId, BoardCard.For(journey, clock.GetUtcNow(), options.CurrentValue));
        }
    }

    /// <summary>Re-applies the time rules (bookings coming into view, checked-out visits leaving) to every visit held.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var journey in _journeys.Values.ToList())
            {
                var card = BoardCard.For(journey, now, options.CurrentValue);
                Put(journey.VisitId, card);
                if (card is null && (journey.ActiveUntil is not { } until || until < now - options.CurrentValue.InClinicFor))
                {
                    _journeys.Remove(journey.VisitId);
                }
            }
        }
    }

    public void Announce(BottleneckChanged change)
    {
        lock (_gate)
        {
            var key = change.Clinic ?? string.Empty;
            if (change.Status == "cleared")
            {
                _bottlenecks.Remove(key);
            }
            else
            {
                _bottlenecks[key] = change;
            }

            foreach (var viewer in _viewers.Where(viewer => viewer.Filter.Sees(change.Clinic)).ToList())
            {
                Send(viewer, change);
            }
        }
    }

    /// <summary>A viewer's snapshot and, from the same instant, its changes: nothing between the two is missed or sent twice.</summary>
    public (BoardSnapshot Snapshot, ChannelReader<BoardChange> Changes, IDisposable Subscription) Watch(BoardFilter filter)
    {
        lock (_gate)
        {
            var cards = _cards.Values.Where(filter.Admits).OrderBy(card => card.StageEnteredAt).ToList();
            var panels = BoardPanels.Of(cards);
            var viewer = new Viewer(filter, Channel.CreateBounded<BoardChange>(new BoundedChannelOptions(ViewerBacklog)
            {
                SingleReader = true,
                SingleWriter = false,
                FullMode = BoundedChannelFullMode.Wait,
            }));
            viewer.Shown(panels);
            _viewers.Add(viewer);
            var settings = options.CurrentValue;
            var thresholds = Enum.GetValues<BoardStage>()
                .Select(stage => (Stage: stage, Threshold: settings.ThresholdOf(stage)))
                .Where(x => x.Threshold is not null)
                .Select(x => new ThresholdView(x.Stage, x.Threshold!.Amber.TotalSeconds, x.Threshold.Red.TotalSeconds))
                .ToList();
            var snapshot = new BoardSnapshot(
                clock.GetUtcNow(), boardClock.Speed, thresholds, cards, panels.Rooms, panels.Providers,
                [.. _bottlenecks.Values.Where(b => filter.Sees(b.Clinic))]);
            return (snapshot, viewer.Channel.Reader, new Subscription(this, viewer));
        }
    }

    private void Put(Guid visitId, BoardCard? card)
    {
        _cards.TryGetValue(visitId, out var before);
        if (card is null ? before is null : card.LooksLike(before))
        {
            if (card is not null)
            {
                _cards[visitId] = card;
            }

            return;
        }

        Index(visitId, before, card);
        // Only the rooms and providers the card names, before or after, can change: their rows are worked out
        // from their own few cards, never from the whole board.
        (string? Clinic, string Room)[] rooms = [.. new[] { RoomOf(before), RoomOf(card) }.OfType<(string?, string)>().Distinct()];
        Guid[] providers = [.. new[] { before?.ProviderId, card?.ProviderId }.OfType<Guid>().Distinct()];
        foreach (var viewer in _viewers.ToList())
        {
            var sees = card is not null && viewer.Filter.Admits(card);
            var saw = before is not null && viewer.Filter.Admits(before);
            if (!sees && !saw)
            {
                continue;
            }

            Send(viewer, new CardChanged(visitId, sees ? card : null, card?.CommittedAt));
            var roomRows = rooms
                .Select(room => viewer.Changed(BoardPanels.RoomRow(room.Room, CardsOf(_byRoom, room, viewer.Filter)), room.Clinic))
                .OfType<RoomPanelRow>()
                .ToList();
            var providerRows = providers
                .Select(provider => viewer.Changed(BoardPanels.ProviderRow(provider, CardsOf(_byProvider, provider, viewer.Filter))))
                .OfType<ProviderPanelRow>()
                .ToList();
            if (roomRows.Count > 0 || providerRows.Count > 0)
            {
                Send(viewer, new PanelsChanged(new BoardPanels(roomRows, providerRows)));
            }
        }
    }

    private static (string? Clinic, string Room)? RoomOf(BoardCard? card) => card?.Room is { } room ? (card.Clinic, room) : null;

    private IEnumerable<BoardCard> CardsOf<TKey>(Dictionary<TKey, HashSet<Guid>> index, TKey key, BoardFilter filter)
        where TKey : notnull =>
        index.TryGetValue(key, out var visits) ? visits.Select(visit => _cards[visit]).Where(filter.Admits) : [];

    private void Index(Guid visitId, BoardCard? before, BoardCard? card)
    {
        if (RoomOf(before) is { } oldRoom && _byRoom.TryGetValue(oldRoom, out var inOldRoom))
        {
            inOldRoom.Remove(visitId);
        }

        if (before?.ProviderId is { } oldProvider && _byProvider.TryGetValue(oldProvider, out var ofOldProvider))
        {
            ofOldProvider.Remove(visitId);
        }

        if (card is null)
        {
            _cards.Remove(visitId);
            return;
        }

        _cards[visitId] = card;
        if (RoomOf(card) is { } room)
        {
            (_byRoom.TryGetValue(room, out var inRoom) ? inRoom : _byRoom[room] = []).Add(visitId);
        }

        if (card.ProviderId is { } provider)
        {
            (_byProvider.TryGetValue(provider, out var ofProvider) ? ofProvider : _byProvider[provider] = []).Add(visitId);
        }
    }

    private void Send(Viewer viewer, BoardChange change)
    {
        if (!viewer.Channel.Writer.TryWrite(change))
        {
            // Too far behind: better a fresh snapshot on reconnecting than a board missing changes.
            logger.LogWarning("Board viewer dropped: {Backlog} changes behind", ViewerBacklog);
            viewer.Channel.Writer.TryComplete(new BoardViewerTooSlowException());
            _viewers.Remove(viewer);
        }
    }

    private void Leave(Viewer viewer)
    {
        lock (_gate)
        {
            _viewers.Remove(viewer);
            viewer.Channel.Writer.TryComplete();
        }
    }

    private sealed class Viewer(BoardFilter filter, Channel<BoardChange> channel)
    {
        private readonly Dictionary<(string? Clinic, string Room), RoomPanelRow> _rooms = [];
        private readonly Dictionary<Guid, ProviderPanelRow> _providers = [];

        public BoardFilter Filter { get; } = filter;

        public Channel<BoardChange> Channel { get; } = channel;

        public void Shown(BoardPanels panels)
        {
            foreach (var room in panels.Rooms)
            {
                _rooms[(room.Clinic, room.Room)] = room;
            }

            foreach (var provider in panels.Providers)
            {
                _providers[provider.ProviderId] = provider;
            }
        }

        /// <summary>The row if the viewer has not been shown it yet; null when it already shows exactly this.</summary>
        /// <param name="clinic">The room's clinic: a row for a room none of the viewer's cards names has none of its own.</param>
        public RoomPanelRow? Changed(RoomPanelRow row, string? clinic)
        {
            // A room the viewer never saw and that none of its cards names stays off its panel.
            var known = _rooms.TryGetValue((clinic, row.Room), out var shown);
            var named = row.Clinic is not null;
            row = row with { Clinic = clinic };
            if (known ? shown == row : !named)
            {
                return null;
            }

            _rooms[(clinic, row.Room)] = row;
            return row;
        }

        public ProviderPanelRow? Changed(ProviderPanelRow row)
        {
            var known = _providers.TryGetValue(row.ProviderId, out var shown);
            row = row with { Clinic = row.Clinic ?? shown?.Clinic };
            if (known ? shown == row : row.Status == ProviderState.Available && row.Clinic is null)
            {
                return null;
            }

            _providers[row.ProviderId] = row;
            return row;
        }
    }

    private sealed class Subscription(LiveBoard board, Viewer viewer) : IDisposable
    {
        public void Dispose() => board.Leave(viewer);
    }
}

public sealed class BoardViewerTooSlowException() : Exception("the viewer fell too far behind the board's changes");

/// <summary>How fast the clinic's clock runs against real time: 1, except in a simulation (<c>PatientFlow:Clock:Speed</c>).</summary>
public sealed record BoardClock(double Speed);
