using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class Hl7VisitContextTests
{
    private readonly Hl7Visit visit = Hl7Visit.New();

    private static Hl7VisitContext Fold(params IVisitEvent[] events) => events.Aggregate(Hl7VisitContext.Empty, (context, e) => context.Apply(e));

    [Fact]
    public void GivenBookingAndReschedule_WhenCheckedInAndCorrected_ThenLatestPlaceProviderAndArrival()
    {
        var otherProvider = Guid.CreateVersion7();

        var context = Fold(
            visit.Booked(), visit.Rescheduled(otherProvider, "south", 60), visit.CheckedIn(minute: 55),
            visit.ArrivalCorrected(wrongMinute: 55, rightMinute: 52), visit.Roomed("EXAM-7"));

        context.Clinic.Should().Be(visit.Clinic, "check-in names the clinic the patient came to");
        context.ProviderId.Should().Be(visit.ProviderId);
        context.Room.Should().Be("EXAM-7");
        context.VisitType.Should().Be("follow-up");
        (context.ScheduledStart, context.ScheduledEnd).Should().Be((visit.At(60), visit.At(105)));
        context.ArrivedAt.Should().Be(visit.At(52));
        context.CheckedOutAt.Should().BeNull();
    }

    [Fact]
    public void GivenLabOrder_WhenSpecimenAndResultsArrive_ThenTestsKnowNameAccessionCollectionAndFirstResult()
    {
        var first = visit.Resulted();
        var redelivered = first with { OccurredAt = visit.At(90), ReferenceRange = "0-1" };

        var context = Fold(visit.LabOrdered(), visit.SpecimenCollected("ACC-7"), first, redelivered);

        context.LabTest(visit.OrderId, "2345-7").Should().Be(new Hl7LabTest("Glucose", "ACC-7", visit.At(28), visit.At(70), "70-99"));
        context.LabTest(visit.OrderId, "5778-6").Should().Be(new Hl7LabTest("Color of Urine"));
        context.LabTest(Guid.CreateVersion7(), "2345-7").Should().Be(new Hl7LabTest());
    }

    [Fact]
    public void GivenNothing_WhenNoShowArrives_ThenItsProviderAndStartAreKept()
    {
        var context = Fold(visit.NoShow());

        (context.ProviderId, context.ScheduledStart).Should().Be((visit.ProviderId, visit.At(0)));
    }

    [Fact]
    public void GivenAContext_WhenAnEventTellsMessagesNothing_ThenSameContext()
    {
        var context = Fold(visit.Booked());

        context.Apply(visit.Amended()).Should().BeSameAs(context);
    }
}
