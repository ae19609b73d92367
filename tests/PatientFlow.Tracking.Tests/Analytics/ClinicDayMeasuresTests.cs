using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Analytics;

/// <summary>
/// Rooms, work in progress, no-shows, lateness, lab turnaround, referral closure and where waiting is, against a
/// morning worked by hand. Window 09:00–11:00; minutes after 09:00:
/// <code>
///        room    clinic provider arrived roomed intake-done with-provider provider-done checked-out
///  V1   EXAM-1   north    A        0      10      20          40            55            60
///  V2   EXAM-1   north    B       15      20      30          70            80            90
///  V3   EXAM-2   north    A       30      35      45         100           110             –
///  V4   EXAM-3   south    B       60      62      75           –             –             –
///  V5     –      south    B       90       –       –           –             –             –
/// </code>
/// V1–V4 were booked for 0, 15, 30, 45; V4 was flagged late. V6 (booked for 60) and V7 (for 75) were no-shows; V8
/// (booked for 90) was cancelled; V9 is booked for 11:30. V5 is a walk-in.
/// </summary>
public class ClinicDayMeasuresTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset Eleven = Nine.AddHours(2);
    private static readonly Guid A = Guid.Parse("0199a000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0199a000-0000-7000-8000-00000000000b");

    private static readonly VisitFlow[] Morning =
    [
        Visit("EXAM-1", "north", A, 0, [0, 10, 20, 40, 55, 60]),
        Visit("EXAM-1", "north", B, 15, [15, 20, 30, 70, 80, 90]),
        Visit("EXAM-2", "north", A, 30, [30, 35, 45, 100, 110]),
        Visit("EXAM-3", "south", B, 45, [60, 62, 75]) with { Late = true },
        Visit(null, "south", B, null, [90]),
        Visit(null, "south", A, 60, []) with { NoShow = true },
        Visit(null, "south", A, 75, []) with { NoShow = true },
        Visit(null, "south", A, 90, []) with { Cancelled = true },
        Visit(null, "south", A, 150, []),
    ];

    private static VisitFlow Visit(string? room, string clinic, Guid provider, int? scheduled, int[] minutes)
    {
        VisitStage[] order = [VisitStage.Arrived, VisitStage.Roomed, VisitStage.IntakeDone, VisitStage.WithProvider, VisitStage.ProviderDone, VisitStage.CheckedOut];
        var reached = minutes.Select((m, i) => (Stage: order[i], At: Nine.AddMinutes(m))).ToDictionary(x => x.Stage, x => x.At);
        return new VisitFlow(Guid.CreateVersion7(), clinic, provider, room, "follow-up", reached)
        {
            ScheduledAt = scheduled is { } s ? Nine.AddMinutes(s) : null,
        };
    }

    [Fact]
    public void GivenTheMorning_WhenRoomsMeasured_ThenRoomedUntilProviderDoneOverTheWindow() =>
        // EXAM-1: 45 + 60 = 105 of 120; EXAM-2: 35→110 = 75; EXAM-3: 62→still there = 58.
        FlowMeasures.RoomUtilisation(Morning, Nine, Eleven).Should().Equal(
            new RoomUse("EXAM-1", 105, 0.875), new RoomUse("EXAM-2", 75, 0.625), new RoomUse("EXAM-3", 58, 0.483));

    [Fact]
    public void GivenTheMorning_WhenSampledEveryHalfHour_ThenArrivedNotYetCheckedOutAtEachInstant() =>
        FlowMeasures.InClinic(Morning, Nine, Eleven, TimeSpan.FromMinutes(30)).Select(w => (w.At, w.InClinic)).Should().Equal(
            (Nine, 1), (Nine.AddMinutes(30), 3), (Nine.AddMinutes(60), 3), (Nine.AddMinutes(90), 3), (Eleven, 3));

    [Fact]
    public void GivenTheMorning_WhenNoShowsCounted_ThenOfTheNotCancelledBookingsStartingInTheWindow() =>
        // Booked in the window: V1–V4, V6, V7 (V8 cancelled, V9 after the window, V5 a walk-in); 2 no-shows.
        FlowMeasures.NoShows(Morning, Nine, Eleven).Should().Be(new NoShowRate(6, 2, 0.333));

    [Fact]
    public void GivenTheMorning_WhenLateArrivalsCounted_ThenOfTheBookedArrivals() =>
        // Arrived with a booking: V1–V4 (V5 walked in); V4 was late.
        FlowMeasures.LateArrivals(Morning, Nine, Eleven).Should().Be(new LateArrivalRate(4, 1, 0.25));

    [Fact]
    public void GivenOrders_WhenTurnaroundMeasured_ThenPlacedToLastResultOfThoseResultedInTheWindow()
    {
        VisitFlow[] visits =
        [
            Morning[0] with { LabOrders = [new(Guid.NewGuid(), Nine.AddMinutes(50), Nine.AddMinutes(95)), new(Guid.NewGuid(), Nine.AddMinutes(52), null)] },
            Morning[1] with { LabOrders = [new(Guid.NewGuid(), Nine.AddMinutes(85), Nine.AddMinutes(100))] },
            Morning[2] with { LabOrders = [new(Guid.NewGuid(), Nine.AddMinutes(100), Nine.AddMinutes(130))] },
        ];

        // 45 and 15 resulted inside; 30 resulted after 11:00; one not resulted.
        FlowMeasures.LabTurnaround(visits, Nine, Eleven).Should().Be(new Distribution(2, 15, 45, 45, 30));
    }

    [Fact]
    public void GivenReferrals_WhenClosureMeasured_ThenOfThoseMadeInTheWindowAndNotCancelled()
    {
        VisitFlow[] visits =
        [
            Morning[0] with { Referrals = [new(Guid.NewGuid(), Nine.AddMinutes(50), Nine.AddDays(3).AddMinutes(50), false)] },
            Morning[1] with { Referrals = [new(Guid.NewGuid(), Nine.AddMinutes(80), null, false), new(Guid.NewGuid(), Nine.AddMinutes(81), null, true)] },
            Morning[2] with { Referrals = [new(Guid.NewGuid(), Nine.AddMinutes(130), Nine.AddDays(1).AddMinutes(130), false)] },
        ];

        // Made in the window and not cancelled: the first two; one closed, in 3 days.
        FlowMeasures.Referrals(visits, Nine, Eleven).Should().Be(new ReferralClosure(2, 1, 0.5, new Distribution(1, 3, 3, 3, 3)));
    }

    [Fact]
    public void GivenTheMorning_WhenWaitingForProviderLocated_ThenByClinicProviderAndRoomMostWaitingFirst()
    {
        // Waiting for provider inside the window: V1 20, V2 40, V3 55 (north, rooms 1, 1, 2; providers A, B, A);
        // V4 45 so far (south, EXAM-3, B). Of 160 minutes: north 115, south 45; A 75, B 85; EXAM-1 60, EXAM-2 55, EXAM-3 45.
        var where = FlowMeasures.Hotspots(Morning, FlowInterval.WaitingForProvider, Nine, Eleven);

        where.Should().Equal(
            new Hotspot("clinic", "north", 0, 115, 0.719),
            new Hotspot("provider", B.ToString(), 1, 85, 0.531),
            new Hotspot("provider", A.ToString(), 0, 75, 0.469),
            new Hotspot("room", "EXAM-1", 0, 60, 0.375),
            new Hotspot("room", "EXAM-2", 0, 55, 0.344),
            new Hotspot("clinic", "south", 1, 45, 0.281),
            new Hotspot("room", "EXAM-3", 1, 45, 0.281));
    }

    [Fact]
    public void GivenTheMorning_WhenReported_ThenTheBottleneckSaysWhereItsWaitingIs()
    {
        var report = FlowReport.Build(Morning, Nine, Eleven, new FlowFilter());

        report.Visits.Should().Be(9);
        report.Bottleneck.Should().NotBeNull();
        report.Bottleneck!.Where.Should().NotBeEmpty();
        report.Bottleneck.Where[0].Should().Match<Hotspot>(h => h.WaitMinutes == report.Bottleneck.Where.Max(x => x.WaitMinutes));
    }

    [Fact]
    public void GivenAFilter_WhenReported_ThenOnlyItsVisitsCount()
    {
        var south = FlowReport.Build(Morning, Nine, Eleven, new FlowFilter(Clinic: "south"));

        south.Visits.Should().Be(6);
        south.LateArrivals.Should().Be(new LateArrivalRate(1, 1, 1));
        south.NoShows.Should().Be(new NoShowRate(3, 2, 0.667));
    }

    [Fact]
    public void GivenTheMorning_WhenBrokenDownByClinic_ThenEachClinicsStretchTimes()
    {
        var byClinic = StageBreakdown.Build(Morning, Nine, Eleven, new FlowFilter(), "clinic");

        byClinic.Groups.Select(g => g.Key).Should().Equal("north", "south");
        byClinic.Groups[0].Intervals.Single(i => i.Name == "waiting-for-provider").Times.Should().Be(new Distribution(3, 40, 55, 55, 38.33));
        byClinic.Groups[1].Intervals.Single(i => i.Name == "waiting-for-room").Times.Should().Be(new Distribution(1, 2, 2, 2, 2));
    }

    [Theory]
    [InlineData(60, 5)]
    [InlineData(8 * 60, 10)]
    [InlineData(24 * 60, 30)]
    public void GivenAWindow_WhenSampled_ThenAbout48SamplesAtLeastFiveMinutesApart(int minutes, int step) =>
        FlowReport.SamplingStep(Nine, Nine.AddMinutes(minutes)).Should().Be(TimeSpan.FromMinutes(step));
}
