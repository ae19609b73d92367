using PatientFlow.Tracking.Journeys;
using PatientFlow.Tracking.Journeys.ListingByStage;

namespace PatientFlow.Tracking.Tests.Rules;

public class StageSummaryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenNoVisits_WhenBuilt_ThenEveryStageColumnInVisitOrder()
    {
        var board = StageSummary.Build([], Now);

        board.GeneratedAt.Should().Be(Now);
        board.Columns.Select(column => column.Stage).Should().Equal(Enum.GetValues<VisitStage>());
        board.Columns.Should().AllSatisfy(column => column.Count.Should().Be(0));
    }

    [Fact]
    public void GivenVisitsInStages_WhenBuilt_ThenLongestWaitingFirstWithWholeMinutes()
    {
        var arrivedLater = Journey.Given().When(VisitScript.New("north", Now.AddMinutes(-5).AddSeconds(-59)).CheckedIn());
        var arrivedEarlier = Journey.Given().When(VisitScript.New("north", Now.AddMinutes(-30)).CheckedIn());
        var roomed = Journey.Given().When(VisitScript.New("north", Now.AddMinutes(-40)).Roomed(minute: 0));

        var board = StageSummary.Build([arrivedLater, roomed, arrivedEarlier], Now);

        var arrived = board.Columns.Single(column => column.Stage == VisitStage.Arrived);
        arrived.Count.Should().Be(2);
        arrived.Visits.Select(visit => (visit.VisitId, visit.MinutesInStage))
            .Should().Equal((arrivedEarlier.VisitId, 30), (arrivedLater.VisitId, 5));
        board.Columns.Single(column => column.Stage == VisitStage.Roomed).Visits.Should().ContainSingle()
            .Which.Should().Be(new BoardVisit(roomed.VisitId, roomed.PatientId, null, null, "EXAM-3", Now.AddMinutes(-40), 40));
    }

    [Fact]
    public void GivenVisitWithoutStage_WhenBuilt_ThenNotOnBoard()
    {
        var opened = Journey.Given().When(VisitScript.New("north", Now).EncounterOpened());

        StageSummary.Build([opened], Now).Columns.Should().AllSatisfy(column => column.Visits.Should().BeEmpty());
    }

    [Fact]
    public void GivenStageEnteredAfterNow_WhenBuilt_ThenZeroMinutes()
    {
        var early = Journey.Given().When(VisitScript.New("north", Now.AddMinutes(2)).CheckedIn());

        StageSummary.Build([early], Now).Columns.Single(column => column.Stage == VisitStage.Arrived)
            .Visits.Single().MinutesInStage.Should().Be(0);
    }
}
