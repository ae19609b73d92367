using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Analytics;

/// <summary>
/// Flow maths against a morning worked by hand. Window 09:00–11:00; minutes after 09:00:
/// <code>
///        arrived roomed intake-done with-provider provider-done checked-out
///  V1      0      10      20          40            55            60
///  V2     15      20      30          70            80            90
///  V3     30      35      45         100           110             –
///  V4     60      62      75           –             –             –
///  V5     90      95     105           –             –             –
/// </code>
/// </summary>
public class FlowMeasuresTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset Eleven = Nine.AddHours(2);

    private static readonly VisitFlow[] Morning =
    [
        Visit(0, 10, 20, 40, 55, 60),
        Visit(15, 20, 30, 70, 80, 90),
        Visit(30, 35, 45, 100, 110),
        Visit(60, 62, 75),
        Visit(90, 95, 105),
    ];

    private static VisitFlow Visit(params int[] minutes)
    {
        VisitStage[] order = [VisitStage.Arrived, VisitStage.Roomed, VisitStage.IntakeDone, VisitStage.WithProvider, VisitStage.ProviderDone, VisitStage.CheckedOut];
        return new VisitFlow(Guid.CreateVersion7(), "north", null, null, "follow-up",
            minutes.Select((m, i) => (Stage: order[i], At: Nine.AddMinutes(m))).ToDictionary(x => x.Stage, x => x.At));
    }

    [Fact]
    public void GivenTenValues_WhenNearestRank_ThenP50IsTheFifthP90TheNinthP99TheTenth()
    {
        var values = Distribution.Of(Enumerable.Range(1, 10).Select(i => (double)i).Reverse());

        values.Should().Be(new Distribution(10, 5, 9, 10, 5.5));
    }

    [Fact]
    public void GivenNoValues_WhenDistributed_ThenEmptyWithoutPercentiles() =>
        Distribution.Of([]).Should().Be(Distribution.Empty);

    [Fact]
    public void GivenTheMorning_WhenWaitingForProviderTimed_ThenOnlyWaitsThatEndedInTheWindowCount() =>
        // V1 20, V2 40, V3 55; V4 and V5 are still waiting.
        FlowMeasures.Times(Morning, FlowInterval.WaitingForProvider, Nine, Eleven).Should().Be(new Distribution(3, 40, 55, 55, 38.33));

    [Fact]
    public void GivenTheMorning_WhenDoorToProviderAndCycleTimed_ThenHandWorkedPercentiles()
    {
        FlowMeasures.Times(Morning, FlowInterval.DoorToProvider, Nine, Eleven).Should().Be(new Distribution(3, 55, 70, 70, 55));
        FlowMeasures.Times(Morning, FlowInterval.Cycle, Nine, Eleven).Should().Be(new Distribution(2, 60, 75, 75, 67.5));
    }

    [Fact]
    public void GivenTheMorning_WhenThroughputCounted_ThenCheckOutsFallInTheirClockHour() =>
        FlowMeasures.Throughput(Morning, Nine, Eleven).Should().Equal(new HourlyThroughput(Nine, 0), new HourlyThroughput(Nine.AddHours(1), 2));

    [Fact]
    public void GivenEveryArrivalInsideTheWindow_WhenLittlesLawChecked_ThenLEqualsLambdaW()
    {
        // In clinic 60 + 75 + 90 + 60 + 30 = 315 min over 120 min: L = 2.625; λ = 5 / 2 h; W = 63 min = 1.05 h.
        FlowMeasures.LittlesLaw(Morning, Nine, Eleven).Should().Be(new LittlesLawCheck(2.625, 2.5, 1.05, 2.625, 1.0));
    }

    [Fact]
    public void GivenAVisitThatArrivedBeforeTheWindow_WhenLittlesLawChecked_ThenItCountsInLButNotInLambda()
    {
        // V0 arrived 08:30 and left 09:20: 20 more minutes in L, no arrival. L = 335 / 120.
        var visits = Morning.Append(Visit(-30, -20, -10, 0, 15, 20)).ToArray();

        FlowMeasures.LittlesLaw(visits, Nine, Eleven).Should().Be(new LittlesLawCheck(2.792, 2.5, 1.05, 2.625, 1.063));
    }

    [Fact]
    public void GivenTheMorning_WhenLoadsMeasured_ThenQueuesAtBothEndsAndEachStretchsShareOfTheWaiting()
    {
        // Waiting minutes inside the window: room 10+5+5+2+5 = 27; provider 20+40+55+45+15 = 175; check-out 5+10+10 = 25.
        var loads = FlowMeasures.Loads(Morning, Nine, Eleven).ToDictionary(l => l.Interval);

        loads["waiting-for-room"].Should().Match<StretchLoad>(l => l.QueueAtStart == 1 && l.QueueAtEnd == 0 && l.GrowthPerHour == -0.5 && l.WaitMinutes == 27 && l.WaitShare == 0.119);
        loads["waiting-for-provider"].Should().Match<StretchLoad>(l => l.QueueAtStart == 0 && l.QueueAtEnd == 2 && l.GrowthPerHour == 1 && l.WaitMinutes == 175 && l.WaitShare == 0.771);
        loads["checking-out"].Should().Match<StretchLoad>(l => l.QueueAtStart == 0 && l.QueueAtEnd == 1 && l.GrowthPerHour == 0.5 && l.WaitMinutes == 25 && l.WaitShare == 0.11);
    }

    [Fact]
    public void GivenTheMorning_WhenBottleneckSought_ThenTheGrowingQueueWithTheLargestShareOfWaitingWithItsNumbers()
    {
        var bottleneck = FlowMeasures.FindBottleneck(Morning, Nine, Eleven);

        bottleneck!.Interval.Should().Be("waiting-for-provider");
        bottleneck.Why.Should().Be("queue grew from 0 to 2 (+1/h) and holds 77% of all waiting");
    }

    [Fact]
    public void GivenTheLargestShareOfWaitingInAQueueThatDidNotGrow_WhenBottleneckSought_ThenTheGrowingOneIsNamed()
    {
        // 10:45–11:00: V4 and V5 wait for the provider throughout (30 min, the larger share) but that queue stays at 2;
        // V3 starts waiting at check-out at 10:50, so that queue grows from 0 to 1.
        var bottleneck = FlowMeasures.FindBottleneck(Morning, Nine.AddMinutes(105), Eleven);

        bottleneck!.Interval.Should().Be("checking-out");
    }

    [Fact]
    public void GivenEveryVisitCheckedOut_WhenBottleneckSought_ThenNone()
    {
        var done = Morning.Take(2).ToArray();

        FlowMeasures.FindBottleneck(done, Nine, Eleven).Should().BeNull();
    }
}
