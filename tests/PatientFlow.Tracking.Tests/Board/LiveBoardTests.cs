using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Tests.Rules;

namespace PatientFlow.Tracking.Tests.Board;

/// <summary>The board in memory: what each viewer is sent as journeys change.</summary>
public class LiveBoardTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));
    private readonly SettableClock _clock = new(Nine.AddMinutes(5));
    private readonly LiveBoard _board;

    public LiveBoardTests()
    {
        var options = new BoardOptions
        {
            Thresholds = new(StringComparer.OrdinalIgnoreCase) { ["arrived"] = new() { Amber = TimeSpan.FromMinutes(15), Red = TimeSpan.FromMinutes(30) } },
        };
        _board = new LiveBoard(new StaticOptions(options), _clock, new BoardClock(30), NullLogger<LiveBoard>.Instance);
    }

    [Fact]
    public void GivenAViewer_WhenAVisitArrivesThenIsRoomed_ThenTheCardAppearsMovesAndPanelsFollow()
    {
        var visit = VisitScript.New("north", Nine);
        var (snapshot, changes, _) = _board.Watch(BoardFilter.All);
        snapshot.Cards.Should().BeEmpty();
        snapshot.ClockSpeed.Should().Be(30);
        snapshot.Thresholds.Should().Equal(new ThresholdView(BoardStage.Arrived, 900, 1800));

        _board.Apply(Journey.Fold([visit.CheckedIn()]));
        _board.Apply(Journey.Fold([visit.CheckedIn(), visit.Roomed(3)]));

        var sent = Drain(changes);
        sent.OfType<CardChanged>().Select(c => c.Card!.Stage).Should().Equal(BoardStage.Arrived, BoardStage.Roomed);
        sent.OfType<CardChanged>().Last().CommittedAt.Should().Be(Nine.AddMinutes(4));
        // Arrival shows the provider; rooming shows the room, and only the room: the provider's row did not change.
        sent.OfType<PanelsChanged>().Select(p => p.Panels).Should().BeEquivalentTo(
            [
                new BoardPanels([], [new ProviderPanelRow(visit.ProviderId, "north", ProviderState.Available, null, 0, null)]),
                new BoardPanels([new RoomPanelRow("EXAM-3", "north", RoomStatus.Occupied, visit.VisitId, Nine.AddMinutes(3))], []),
            ],
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void GivenAPatientWithTheProvider_WhenDone_ThenTheRoomFreesAndTheProviderIsAvailableAgain()
    {
        var visit = VisitScript.New("north", Nine);
        _board.Apply(Journey.Fold([visit.CheckedIn(), visit.Roomed(1), visit.Vitals(2), visit.ProviderStarted(3)]));
        var (snapshot, changes, _) = _board.Watch(BoardFilter.All);
        snapshot.Rooms.Should().Equal(new RoomPanelRow("EXAM-3", "north", RoomStatus.Occupied, visit.VisitId, Nine.AddMinutes(1)));
        snapshot.Providers.Should().Equal(new ProviderPanelRow(visit.ProviderId, "north", ProviderState.WithPatient, visit.VisitId, 0, Nine.AddMinutes(3)));

        _board.Apply(Journey.Fold([visit.CheckedIn(), visit.Roomed(1), visit.Vitals(2), visit.ProviderStarted(3), visit.EncounterCompleted(4)]));

        var panels = Drain(changes).OfType<PanelsChanged>().Should().ContainSingle().Subject.Panels;
        panels.Rooms.Should().Equal(new RoomPanelRow("EXAM-3", "north", RoomStatus.Free, null, null));
        panels.Providers.Should().Equal(new ProviderPanelRow(visit.ProviderId, "north", ProviderState.Available, null, 0, null));
    }

    [Fact]
    public void GivenTwoClinicsWithAnExam3_WhenEachRoomsAPatient_ThenTheirRoomsAreTwoRows()
    {
        var north = VisitScript.New("north", Nine);
        var south = VisitScript.New("south", Nine);
        var (_, changes, _) = _board.Watch(BoardFilter.All);

        _board.Apply(Journey.Fold([north.CheckedIn(), north.Roomed(1)]));
        _board.Apply(Journey.Fold([south.CheckedIn(), south.Roomed(2)]));
        _board.Apply(Journey.Fold([north.CheckedIn(), north.Roomed(1), north.Vitals(2), north.ProviderStarted(3), north.EncounterCompleted(4)]));

        Drain(changes).OfType<PanelsChanged>().SelectMany(p => p.Panels.Rooms).Should().Equal(
            new RoomPanelRow("EXAM-3", "north", RoomStatus.Occupied, north.VisitId, Nine.AddMinutes(1)),
            new RoomPanelRow("EXAM-3", "south", RoomStatus.Occupied, south.VisitId, Nine.AddMinutes(2)),
            new RoomPanelRow("EXAM-3", "north", RoomStatus.Free, null, null));
        _board.Watch(BoardFilter.All).Snapshot.Rooms.Should().Equal(
            new RoomPanelRow("EXAM-3", "north", RoomStatus.Free, null, null),
            new RoomPanelRow("EXAM-3", "south", RoomStatus.Occupied, south.VisitId, Nine.AddMinutes(2)));
    }

    [Fact]
    public void GivenTheSameJourneyAgain_WhenApplied_ThenNothingIsSent()
    {
        var visit = VisitScript.New("north", Nine);
        var (_, changes, _) = _board.Watch(BoardFilter.All);
        _board.Apply(Journey.Fold([visit.CheckedIn()]));
        Drain(changes);

        // A step that moves nothing on the card (encounter opened) changes no card.
        _board.Apply(Journey.Fold([visit.CheckedIn(), visit.EncounterOpened(2)]));

        Drain(changes).Should().BeEmpty();
    }

    [Fact]
    public void GivenViewersOfTwoClinics_WhenOneClinicsVisitMoves_ThenOnlyItsViewerIsTold()
    {
        var north = VisitScript.New("north", Nine);
        var (_, northChanges, _) = _board.Watch(new BoardFilter("north", null));
        var (_, southChanges, _) = _board.Watch(new BoardFilter("south", null));

        _board.Apply(Journey.Fold([north.CheckedIn()]));

        Drain(northChanges).OfType<CardChanged>().Should().ContainSingle().Which.VisitId.Should().Be(north.VisitId);
        Drain(southChanges).Should().BeEmpty();
    }

    [Fact]
    public void GivenAProviderFilter_WhenTheVisitMovesToAnotherProvider_ThenItsViewerSeesItLeave()
    {
        var visit = VisitScript.New("north", Nine);
        var (_, changes, _) = _board.Watch(new BoardFilter(null, visit.ProviderId));
        _board.Apply(Journey.Fold([visit.CheckedIn()]));
        Drain(changes);

        var other = visit with { ProviderId = Guid.CreateVersion7() };
        _board.Apply(Journey.Fold([visit.CheckedIn(), other.ProviderStarted(20)]));

        Drain(changes).OfType<CardChanged>().Should().ContainSingle().Which.Card.Should().BeNull();
    }

    [Fact]
    public void GivenACheckedOutCard_WhenTwoHoursPassAndTheBoardRefreshes_ThenItLeaves()
    {
        var visit = VisitScript.New("north", Nine);
        _board.Apply(Journey.Fold([visit.CheckedIn(), visit.CheckedOut(4)]));
        var (snapshot, changes, _) = _board.Watch(BoardFilter.All);
        snapshot.Cards.Should().ContainSingle();

        _clock.Advance(TimeSpan.FromHours(2));
        _board.Refresh();

        Drain(changes).OfType<CardChanged>().Should().ContainSingle().Which.Card.Should().BeNull();
        _board.Count.Should().Be(0);
    }

    [Fact]
    public void GivenAViewerThatLeft_WhenVisitsMove_ThenNothingIsQueuedForIt()
    {
        var (_, changes, subscription) = _board.Watch(BoardFilter.All);
        subscription.Dispose();

        _board.Apply(Journey.Fold([VisitScript.New("north", Nine).CheckedIn()]));

        _board.Viewers.Should().Be(0);
        changes.Completion.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void GivenAViewerThatNeverReads_WhenMoreChangesThanItsBacklog_ThenItIsDroppedAndTheOthersGoOn()
    {
        var (_, slow, _) = _board.Watch(BoardFilter.All);
        var visits = Enumerable.Range(0, LiveBoard.ViewerBacklog / 2 + 1).Select(_ => VisitScript.New("north", Nine)).ToList();

        // Each arrival sends a card and a panels change.
        foreach (var visit in visits)
        {
            _board.Apply(Journey.Fold([visit.CheckedIn()]));
        }

        _board.Viewers.Should().Be(0);
        var (snapshot, _, _) = _board.Watch(BoardFilter.All);
        snapshot.Cards.Should().HaveCount(visits.Count);
        Drain(slow).Should().HaveCount(LiveBoard.ViewerBacklog);
    }

    [Fact]
    public void GivenABottleneckInOneClinic_WhenAnnounced_ThenThatClinicsAndUnfilteredViewersAreToldAndNewViewersSeeIt()
    {
        var (_, all, _) = _board.Watch(BoardFilter.All);
        var (_, south, _) = _board.Watch(new BoardFilter("south", null));
        var appeared = new BottleneckChanged("appeared", "waiting-for-room", "queue grew", "north", Nine);

        _board.Announce(appeared);

        Drain(all).Should().Equal(appeared);
        Drain(south).Should().BeEmpty();
        _board.Watch(new BoardFilter("north", null)).Snapshot.Bottlenecks.Should().Equal(appeared);

        _board.Announce(appeared with { Status = "cleared" });
        _board.Watch(BoardFilter.All).Snapshot.Bottlenecks.Should().BeEmpty();
    }

    private static List<BoardChange> Drain(ChannelReader<BoardChange> changes)
    {
        var drained = new List<BoardChange>();
        while (changes.TryRead(out var change))
        {
            drained.Add(change);
        }

        return drained;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class StaticOptions(BoardOptions value) : IOptionsMonitor<BoardOptions>
    {
        public BoardOptions CurrentValue => value;

        public BoardOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BoardOptions, string?> listener) => null;
    }
}
