using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Journeys;
using PatientFlow.Tracking.Tests.Rules;

namespace PatientFlow.Tracking.Tests.Analytics;

/// <summary>A journey as analytics sees it: stages reached, visit type, no-show, lateness, lab orders and referrals.</summary>
public class VisitFlowTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void GivenAWholeVisit_WhenFlowed_ThenEachStageAtItsFirstStepWithTypeAndSchedule()
    {
        var visit = VisitScript.New("north", Nine);
        var journey = Journey.Fold([visit.Booked(), visit.CheckedIn(), visit.Roomed(10), visit.Vitals(20), visit.ProviderStarted(30),
            visit.EncounterCompleted(50), visit.CheckedOut(60), visit.ClaimCreated(65)]);

        var flow = VisitFlow.From(journey);

        flow.VisitType.Should().Be("follow-up");
        flow.ScheduledAt.Should().Be(Nine);
        flow.Room.Should().Be("EXAM-3");
        flow.Minutes(VisitStage.Arrived, VisitStage.WithProvider).Should().Be(30);
        flow.Minutes(VisitStage.Arrived, VisitStage.CheckedOut).Should().Be(60);
        (flow.NoShow, flow.Late, flow.Cancelled).Should().Be((false, false, false));
    }

    [Fact]
    public void GivenNoShowThenLateArrival_WhenFlowed_ThenLateNotNoShow()
    {
        var visit = VisitScript.New("north", Nine);

        var flow = VisitFlow.From(Journey.Fold([visit.Booked(), visit.NoShow(15), visit.CheckedIn(25), visit.LateArrival(25)]));

        (flow.NoShow, flow.Late).Should().Be((false, true));
    }

    [Fact]
    public void GivenOwnNoShow_WhenFlowed_ThenNoShowAndNotLate()
    {
        var visit = VisitScript.New("north", Nine);

        var flow = VisitFlow.From(Journey.Fold([visit.Booked(), visit.NoShow(15)]));

        (flow.NoShow, flow.Late, flow.Cancelled).Should().Be((true, false, false));
    }

    [Fact]
    public void GivenCancelledBeforeArrival_WhenFlowed_ThenCancelled()
    {
        var visit = VisitScript.New("north", Nine);

        VisitFlow.From(Journey.Fold([visit.Booked(), visit.Cancelled()])).Cancelled.Should().BeTrue();
    }

    [Fact]
    public void GivenTwoOrdersOneResultedTwiceOneCancelled_WhenFlowed_ThenTheResultedOrderEndsAtItsLastResult()
    {
        var visit = VisitScript.New("north", Nine);
        Guid resulted = Guid.CreateVersion7(), cancelled = Guid.CreateVersion7(), waiting = Guid.CreateVersion7();

        var flow = VisitFlow.From(Journey.Fold([
            visit.CheckedIn(), visit.LabOrdered(resulted, 40), visit.LabOrdered(cancelled, 41), visit.LabOrdered(waiting, 42),
            visit.LabResulted(70, resulted), visit.LabResulted(95, resulted), visit.LabCancelled(cancelled, 45)]));

        flow.LabOrders.Should().BeEquivalentTo([
            new LabOrderFlow(resulted, Nine.AddMinutes(40), Nine.AddMinutes(95)),
            new LabOrderFlow(waiting, Nine.AddMinutes(42), null)]);
    }

    [Fact]
    public void GivenReferralsClosedCancelledAndOpen_WhenFlowed_ThenEachWithItsState()
    {
        var visit = VisitScript.New("north", Nine);
        Guid closed = Guid.CreateVersion7(), dropped = Guid.CreateVersion7(), open = Guid.CreateVersion7();

        var flow = VisitFlow.From(Journey.Fold([
            visit.CheckedIn(), visit.ReferralCreated(closed, 50), visit.ReferralCreated(dropped, 51), visit.ReferralCreated(open, 52),
            visit.ReferralClosed(closed, 3 * 24 * 60), visit.ReferralCancelled(dropped, 60)]));

        flow.Referrals.Should().BeEquivalentTo([
            new ReferralFlow(closed, Nine.AddMinutes(50), Nine.AddMinutes(3 * 24 * 60), false),
            new ReferralFlow(dropped, Nine.AddMinutes(51), null, true),
            new ReferralFlow(open, Nine.AddMinutes(52), null, false)]);
    }

    [Fact]
    public void GivenArrivalCorrectedEarlier_WhenFlowed_ThenTheCorrectedArrivalCounts()
    {
        var visit = VisitScript.New("north", Nine);

        var flow = VisitFlow.From(Journey.Fold([visit.CheckedIn(10), visit.Roomed(20), visit.ArrivalCorrected(10, 0, 25)]));

        flow.Minutes(VisitStage.Arrived, VisitStage.Roomed).Should().Be(20);
    }

    [Fact]
    public void GivenArrivedBeforeTheScheduledStart_WhenFolded_ThenOnTheDayFromTheArrival()
    {
        var visit = VisitScript.New("north", Nine);

        var journey = Journey.Fold([visit.Booked(), visit.CheckedIn(-25)]);

        (journey.ActiveFrom, journey.ActiveUntil).Should().Be((Nine.AddMinutes(-25), Nine));
    }

    [Fact]
    public void GivenBookedOnly_WhenFolded_ThenOnTheDayFromTheScheduledStart()
    {
        var visit = VisitScript.New("north", Nine);

        var journey = Journey.Fold([visit.Booked()]);

        (journey.ActiveFrom, journey.ActiveUntil).Should().Be((Nine, Nine));
    }
}
