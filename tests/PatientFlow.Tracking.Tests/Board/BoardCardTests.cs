using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Tests.Rules;

namespace PatientFlow.Tracking.Tests.Board;

/// <summary>Which visits are on the board, in which column, since when, with which flags.</summary>
public class BoardCardTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly BoardOptions Options = new();

    [Fact]
    public void GivenRoomedVisit_WhenCarded_ThenRoomedColumnSinceRoomingWithRoomAndType()
    {
        var visit = VisitScript.New("north", Nine);
        var journey = Journey.Fold([visit.Booked(), visit.CheckedIn(), visit.Roomed(10)]);

        var card = BoardCard.For(journey, Nine.AddMinutes(12), Options);

        card.Should().BeEquivalentTo(new
        {
            visit.VisitId, visit.PatientId, Clinic = "north", ProviderId = (Guid?)visit.ProviderId, Room = "EXAM-3", VisitType = "follow-up",
            ScheduledAt = (DateTimeOffset?)Nine, Stage = BoardStage.Roomed, StageEnteredAt = Nine.AddMinutes(10),
            RoomedAt = (DateTimeOffset?)Nine.AddMinutes(10), NoShow = false, LateMinutes = (int?)null, LabPending = false,
            CommittedAt = Nine.AddMinutes(11),
        });
    }

    [Fact]
    public void GivenClaimedVisit_WhenCarded_ThenCheckedOutColumnSinceCheckOut()
    {
        var visit = VisitScript.New("north", Nine);

        var card = BoardCard.For(Journey.Fold([visit.CheckedIn(), visit.CheckedOut(60), visit.ClaimCreated(65)]), Nine.AddMinutes(70), Options);

        (card!.Stage, card.StageEnteredAt).Should().Be((BoardStage.CheckedOut, Nine.AddMinutes(60)));
    }

    [Theory]
    [InlineData(119, true)]
    [InlineData(121, false)]
    public void GivenCheckedOut_WhenCarded_ThenOnTheBoardForTwoHours(int minutesAfter, bool shown)
    {
        var visit = VisitScript.New("north", Nine);

        var card = BoardCard.For(Journey.Fold([visit.CheckedIn(), visit.CheckedOut(60)]), Nine.AddMinutes(60 + minutesAfter), Options);

        (card is not null).Should().Be(shown);
    }

    [Theory]
    [InlineData(-11 * 60, true)]
    [InlineData(-13 * 60, false)]
    [InlineData(11 * 60, true)]
    [InlineData(13 * 60, false)]
    public void GivenBooked_WhenCarded_ThenShownWhenItsStartIsWithinTwelveHours(int nowMinutesFromStart, bool shown)
    {
        var visit = VisitScript.New("north", Nine);

        (BoardCard.For(Journey.Fold([visit.Booked()]), Nine.AddMinutes(nowMinutesFromStart), Options) is not null).Should().Be(shown);
    }

    [Fact]
    public void GivenCancelled_WhenCarded_ThenOffTheBoard()
    {
        var visit = VisitScript.New("north", Nine);

        BoardCard.For(Journey.Fold([visit.Booked(), visit.Cancelled()]), Nine, Options).Should().BeNull();
    }

    [Fact]
    public void GivenNoShow_WhenCarded_ThenBookedFlaggedNoShow()
    {
        var visit = VisitScript.New("north", Nine);

        var card = BoardCard.For(Journey.Fold([visit.Booked(), visit.NoShow(15)]), Nine.AddMinutes(20), Options);

        (card!.Stage, card.NoShow).Should().Be((BoardStage.Booked, true));
    }

    [Fact]
    public void GivenLateArrivalAndAnOpenLabOrder_WhenCarded_ThenLateMinutesAndLabPending()
    {
        var visit = VisitScript.New("north", Nine);
        var order = Guid.CreateVersion7();

        var card = BoardCard.For(Journey.Fold([visit.Booked(), visit.CheckedIn(25), visit.LateArrival(25), visit.LabOrdered(order, 40)]), Nine.AddMinutes(45), Options);

        (card!.Stage, card.LateMinutes, card.LabPending).Should().Be((BoardStage.LabPending, 25, true));
    }

    [Fact]
    public void GivenTheLabResulted_WhenCarded_ThenNoLongerLabPending()
    {
        var visit = VisitScript.New("north", Nine);
        var order = Guid.CreateVersion7();

        var card = BoardCard.For(Journey.Fold([visit.CheckedIn(), visit.LabOrdered(order, 40), visit.LabResulted(60, order)]), Nine.AddMinutes(61), Options);

        card!.LabPending.Should().BeFalse();
    }

    [Fact]
    public void GivenInClinicForMoreThanADay_WhenCarded_ThenOffTheBoard()
    {
        var visit = VisitScript.New("north", Nine);

        BoardCard.For(Journey.Fold([visit.CheckedIn()]), Nine.AddHours(25), Options).Should().BeNull();
    }

    [Fact]
    public void GivenThresholdsOutOfOrderOrForNoStage_WhenChecked_ThenEachNamedByItsKey()
    {
        var options = new BoardOptions
        {
            Thresholds = new(StringComparer.OrdinalIgnoreCase)
            {
                ["arrived"] = new() { Amber = TimeSpan.FromMinutes(30), Red = TimeSpan.FromMinutes(15) },
                ["waiting"] = new() { Amber = TimeSpan.FromMinutes(5), Red = TimeSpan.FromMinutes(10) },
                ["intake-done"] = new() { Amber = TimeSpan.FromMinutes(15), Red = TimeSpan.FromMinutes(30) },
            },
        };

        options.Problems().Should().HaveCount(2)
            .And.Contain(p => p.Contains("Thresholds:arrived"))
            .And.Contain(p => p.Contains("Thresholds:waiting"));
    }
}
