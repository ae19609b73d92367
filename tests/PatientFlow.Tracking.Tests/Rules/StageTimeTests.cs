using PatientFlow.Tracking.Journeys;
using PatientFlow.Tracking.Journeys.GettingTimeline;

namespace PatientFlow.Tracking.Tests.Rules;

public class StageTimeTests
{
    private static readonly VisitScript Visit = VisitScript.New("north", new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    private static IReadOnlyList<StageTime> StagesOf(VisitJourney journey) => VisitTimeline.From(journey).Stages;

    [Fact]
    public void GivenArrivedAndRoomed_WhenVitalsRecorded_ThenEachStageTimedUntilTheNext()
    {
        var journey = Journey.Given(Visit.Booked(), Visit.CheckedIn(minute: 0), Visit.Roomed(minute: 10)).When(Visit.Vitals(minute: 25));

        StagesOf(journey).Should().Equal(
            new StageTime(VisitStage.Booked, Visit.At(-24 * 60), Visit.At(0), 24 * 60),
            new StageTime(VisitStage.Arrived, Visit.At(0), Visit.At(10), 10),
            new StageTime(VisitStage.Roomed, Visit.At(10), Visit.At(25), 15),
            new StageTime(VisitStage.IntakeDone, Visit.At(25), null, null));
    }

    [Fact]
    public void GivenArrivedAndRoomed_WhenArrivalCorrectedTenMinutesEarlier_ThenWaitForRoomTwentyMinutes()
    {
        var journey = Journey.Given(Visit.CheckedIn(minute: 0), Visit.Roomed(minute: 10))
            .When(Visit.ArrivalCorrected(wrongMinute: 0, rightMinute: -10, recordedMinute: 12));

        StagesOf(journey).Should().Equal(
            new StageTime(VisitStage.Arrived, Visit.At(-10), Visit.At(10), 20),
            new StageTime(VisitStage.Roomed, Visit.At(10), null, null));
        journey.CurrentStage.Should().Be(VisitStage.Roomed);
    }

    [Fact]
    public void GivenArrived_WhenArrivalCorrectedTwice_ThenTheLatestCorrectionCounts()
    {
        var journey = Journey.Given(Visit.CheckedIn(minute: 0), Visit.ArrivalCorrected(wrongMinute: 0, rightMinute: -10, recordedMinute: 5))
            .When(Visit.ArrivalCorrected(wrongMinute: -10, rightMinute: -5, recordedMinute: 8));

        journey.StageEnteredAt.Should().Be(Visit.At(-5));
        StagesOf(journey).Should().Equal(new StageTime(VisitStage.Arrived, Visit.At(-5), null, null));
    }

    [Fact]
    public void GivenRoomed_WhenVitalsNotedBeforeTheRooming_ThenNoWaitRatherThanANegativeOne()
    {
        var journey = Journey.Given(Visit.CheckedIn(minute: 0), Visit.Roomed(minute: 10)).When(Visit.Vitals(minute: 8));

        StagesOf(journey).Should().Contain(new StageTime(VisitStage.Roomed, Visit.At(10), Visit.At(8), 0));
    }
}
