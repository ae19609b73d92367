using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Cancelling;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Lab.Tests.Deciders.LabSpec;

namespace PatientFlow.Lab.Tests.Deciders;

public class OrderingTests
{
    private static IReadOnlyList<object> Place(PlaceLabOrder command, PatientDemographics? patient = null) =>
        PlaceLabOrderDecider.Decide(Visit, PlaceLabOrderDecider.Tests(TestCatalog, command), command, patient, OrderId, "test-clinician", Now);

    [Fact]
    public void GivenKnownVisit_WhenTwoTestsOrderedStat_ThenOneOrderCarriesBothTestsWithTheirCatalogDefinitions()
    {
        var placed = (LabOrderPlaced)Place(new PlaceLabOrder(VisitId, ["2345-7", "2093-3"], LabPriority.Stat)).Single();

        placed.Should().BeEquivalentTo(new LabOrderPlaced(
            OrderId, VisitId, PatientId, LabPriority.Stat,
            [new OrderedTest(Glucose, new ReferenceRange(70, 99)), new OrderedTest(Cholesterol, new ReferenceRange(0, 199))], "test-clinician", Now));
    }

    [Fact]
    public void GivenKnownVisit_WhenNoPriority_ThenRoutine() =>
        ((LabOrderPlaced)Place(new PlaceLabOrder(VisitId, ["2345-7"])).Single()).Priority.Should().Be(LabPriority.Routine);

    [Fact]
    public void GivenKnownVisit_WhenNoTests_ThenTestsRejected()
    {
        var act = () => Place(new PlaceLabOrder(VisitId, []));
        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("tests");
    }

    [Fact]
    public void GivenKnownVisit_WhenSecondCodeIsNotInTheCatalog_ThenThatEntryRejected()
    {
        var act = () => Place(new PlaceLabOrder(VisitId, ["2345-7", "0000-0"]));
        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("tests[1]");
    }

    [Fact]
    public void GivenKnownVisit_WhenTheSameTestTwice_ThenTheRepeatRejected()
    {
        var act = () => Place(new PlaceLabOrder(VisitId, ["2345-7", " 2345-7 "]));
        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("tests[1]");
    }

    [Theory]
    [InlineData(PatientSex.Female, 40, "12.0-15.5")]
    [InlineData(PatientSex.Male, 40, "13.5-17.5")]
    [InlineData(PatientSex.Female, 12, "11.0-15.5")]
    [InlineData(PatientSex.Male, 17, "11.0-15.5")]
    [InlineData(PatientSex.Unknown, 40, "12.0-17.5")]
    [InlineData(PatientSex.Other, 30, "12.0-17.5")]
    public void GivenHemoglobinWithRangesBySexAndAge_WhenOrdered_ThenTheMostSpecificRangeForThePatientIsKept(PatientSex sex, int age, string range) =>
        ((LabOrderPlaced)Place(new PlaceLabOrder(VisitId, ["718-7"]), new PatientDemographics(sex, age)).Single())
            .Tests.Single().Range!.ToString().Should().Be(range);

    [Fact]
    public void GivenHemoglobin_WhenOrderedWithoutDemographics_ThenTheGeneralRange() =>
        ((LabOrderPlaced)Place(new PlaceLabOrder(VisitId, ["718-7"])).Single()).Tests.Single().Range.Should().Be(new ReferenceRange(12.0m, 17.5m));

    [Fact]
    public void GivenOneTestResultedAndOneWaiting_WhenCancelled_ThenOnlyTheWaitingTestIsCancelled() =>
        Given(Ordered(Glucose, Cholesterol), Collected("blood", Glucose, Cholesterol), Resulted(Glucose, "90", "N"))
            .When(o => CancelLabOrderDecider.Decide(o, new CancelLabOrder("duplicate order"), "test-clinician", Now))
            .Then(new LabOrderCancelled(OrderId, VisitId, PatientId, ["2093-3"], "duplicate order", "test-clinician", Now));

    [Fact]
    public void GivenEveryTestResulted_WhenCancelled_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "90", "N"))
            .When(o => CancelLabOrderDecider.Decide(o, new CancelLabOrder("patient left"), "test-clinician", Now)).ThenConflicts();

    [Fact]
    public void GivenOrder_WhenCancelledWithoutReason_ThenReasonRejected() =>
        Given(Ordered(Glucose)).When(o => CancelLabOrderDecider.Decide(o, new CancelLabOrder(" "), "test-clinician", Now)).ThenRejects("reason");

    [Fact]
    public void GivenCancelledOrder_WhenCancelledAgain_ThenConflict() =>
        Given(Ordered(Glucose), new LabOrderCancelled(OrderId, VisitId, PatientId, ["2345-7"], "duplicate", "x", Now))
            .When(o => CancelLabOrderDecider.Decide(o, new CancelLabOrder("again"), "test-clinician", Now)).ThenConflicts();
}
