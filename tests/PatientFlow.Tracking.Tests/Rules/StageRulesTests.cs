using PatientFlow.Contracts;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Rules;

public class StageRulesTests
{
    private static readonly VisitScript Visit = VisitScript.New("north", new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GivenBooked_WhenPatientCheckedIn_ThenArrivedSinceCheckIn()
    {
        var journey = Journey.Given(Visit.Booked()).When(Visit.CheckedIn(minute: 3));

        journey.CurrentStage.Should().Be(VisitStage.Arrived);
        journey.StageEnteredAt.Should().Be(Visit.At(3));
    }

    [Fact]
    public void GivenStepsOfManyStages_WhenAsked_ThenFurthestStageWins()
    {
        IVisitEvent[] arrived =
            [Visit.Vitals(), Visit.LabOrdered(minute: 90), Visit.Booked(), Visit.CheckedOut(), Visit.Roomed(), Visit.EncounterOpened()];
        var steps = arrived.Select(ContractSteps.ToStep);

        StageRules.Current(steps).Should().Be(new CurrentStage(VisitStage.CheckedOut, Visit.At(80)));
    }

    [Fact]
    public void GivenCheckedOut_WhenLabOrderArrivesLate_ThenStaysCheckedOut()
    {
        var journey = Journey.Given(Visit.Booked(), Visit.CheckedIn(), Visit.CheckedOut(minute: 80)).When(Visit.LabOrdered(minute: 90));

        journey.CurrentStage.Should().Be(VisitStage.CheckedOut);
        journey.StageEnteredAt.Should().Be(Visit.At(80));
        journey.Steps.Select(step => step.Stage).Should().Equal(VisitStage.Booked, VisitStage.Arrived, VisitStage.CheckedOut, VisitStage.LabPending);
    }

    [Fact]
    public void GivenRoomed_WhenCheckInArrivesLate_ThenStaysRoomedAndCheckInSortsFirst()
    {
        var journey = Journey.Given(Visit.Roomed(minute: 10)).When(Visit.CheckedIn(minute: 2));

        journey.CurrentStage.Should().Be(VisitStage.Roomed);
        journey.StageEnteredAt.Should().Be(Visit.At(10));
        journey.Steps.Select(step => step.Stage).Should().Equal(VisitStage.Arrived, VisitStage.Roomed);
        journey.Clinic.Should().Be("north");
    }

    [Fact]
    public void GivenLabPending_WhenSecondLabOrdered_ThenStillEnteredAtFirstOrder()
    {
        var journey = Journey.Given(Visit.EncounterCompleted(), Visit.LabOrdered(minute: 52)).When(Visit.LabOrdered(minute: 56));

        journey.CurrentStage.Should().Be(VisitStage.LabPending);
        journey.StageEnteredAt.Should().Be(Visit.At(52));
    }

    [Fact]
    public void GivenNothing_WhenEncounterOpenedArrivesFirst_ThenStepWithoutStage()
    {
        var journey = Journey.Given().When(Visit.EncounterOpened());

        journey.CurrentStage.Should().BeNull();
        journey.StageEnteredAt.Should().BeNull();
        journey.Steps.Should().ContainSingle().Which.EventType.Should().Be("intake.encounter-opened.v1");
        journey.ProviderId.Should().Be(Visit.ProviderId);
    }

    [Fact]
    public void GivenRoomedInOneRoom_WhenEarlierRoomingArrivesLate_ThenShowsLatestRoomByClinicTime()
    {
        var journey = Journey.Given(Visit.Roomed(minute: 30, room: "EXAM-5")).When(Visit.Roomed(minute: 10, room: "EXAM-3"));

        journey.Room.Should().Be("EXAM-5");
        journey.StageEnteredAt.Should().Be(Visit.At(10));
    }

    [Fact]
    public void GivenStepRecorded_WhenSameSourceEventAgain_ThenStepsUnchanged()
    {
        var checkedIn = Visit.CheckedIn();

        var journey = Journey.Given(Visit.Booked(), checkedIn).When(checkedIn);

        journey.Steps.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2025)]
    public void GivenAnyArrivalOrder_WhenWholeVisitRecorded_ThenSameJourneyAsInClinicOrder(int seed)
    {
        var events = Visit.FullVisit();
        var shuffled = events.ToArray();
        new Random(seed).Shuffle(shuffled);
        shuffled.Should().NotEqual(events, "the arrival order must differ from clinic order");

        var inOrder = Journey.Fold(events);
        var outOfOrder = Journey.Fold(shuffled);

        outOfOrder.Should().BeEquivalentTo(inOrder, options => options.WithStrictOrdering());
        inOrder.CurrentStage.Should().Be(VisitStage.ClaimCreated);
        inOrder.StageEnteredAt.Should().Be(Visit.At(85));
        inOrder.Steps.Select(step => step.EventType).Should().Equal(VisitScript.FullVisitEventTypes);
        (inOrder.Clinic, inOrder.ProviderId, inOrder.Room).Should().Be(("north", Visit.ProviderId, "EXAM-3"));
    }
}
