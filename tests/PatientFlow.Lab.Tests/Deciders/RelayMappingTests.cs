using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Lab.Integration;
using PatientFlow.Lab.Orders;
using V1 = PatientFlow.Contracts.Lab.V1;
using static PatientFlow.Lab.Tests.Deciders.LabSpec;

namespace PatientFlow.Lab.Tests.Deciders;

public class RelayMappingTests
{
    private static readonly DateTimeOffset Recorded = Now.AddMinutes(7);
    private readonly LabEventRelay _relay = new();

    private static Event<T> Committed<T>(T data) where T : notnull => new(data) { Id = Guid.CreateVersion7(), StreamId = OrderId, Timestamp = Recorded };

    [Fact]
    public void GivenOrderPlaced_WhenRelayed_ThenContractCarriesPriorityAndEachTestWithSpecimenAndPlace()
    {
        var committed = Committed(Ordered(Glucose, Cholesterol) with { Priority = LabPriority.Stat });

        _relay.Map(committed).Should().BeEquivalentTo(new V1.LabOrderPlaced(
            committed.Id, VisitId, PatientId, OrderedAt, Recorded, OrderId, "stat",
            [new V1.OrderedLabTest("2345-7", "Glucose (serum)", "blood", "in-house"), new V1.OrderedLabTest("2093-3", "Cholesterol, total", "blood", "send-out")]));
    }

    [Fact]
    public void GivenResultRecorded_WhenRelayed_ThenContractCarriesFlagRangeAccessionAndPriceCode()
    {
        var committed = Committed(new LabResultRecorded(OrderId, VisitId, PatientId, "2345-7", "420", "mg/dL", "70-99", "HH", "82947", Accession, Staff, Now));

        _relay.Map(committed).Should().Be(new V1.LabResultRecorded(
            committed.Id, VisitId, PatientId, Now, Recorded, OrderId, "2345-7", "420", "mg/dL", "HH", "82947", "70-99", Accession));
    }

    [Fact]
    public void GivenSpecimenRejected_WhenRelayed_ThenTheReasonIsTheApiWord() =>
        ((V1.SpecimenRejected)_relay.Map(Committed(new SpecimenRejected(
            OrderId, VisitId, PatientId, SpecimenId, Accession, SpecimenRejection.InsufficientQuantity, ["2345-7"], Staff, Now)))!)
            .Reason.Should().Be("insufficient-quantity");

    [Fact]
    public void GivenAmendment_WhenRelayed_ThenTheStaffReasonStaysInTheService()
    {
        var relayed = _relay.Map(Committed(new LabResultAmended(OrderId, VisitId, PatientId, "2345-7", "105", "mg/dL", "H", "95", "N", "typo by J. Smith", Staff, Now)));

        relayed.Should().Be(new V1.LabResultAmended(relayed!.EventId, VisitId, PatientId, Now, Recorded, OrderId, "2345-7", "105", "mg/dL", "H", "95", "N"));
    }

    public static TheoryData<object> EveryEvent() =>
    [
        Ordered(Glucose),
        new LabOrderCancelled(OrderId, VisitId, PatientId, ["2345-7"], "dup", Staff, Now),
        Collected("blood", Glucose),
        new SpecimenRejected(OrderId, VisitId, PatientId, SpecimenId, Accession, SpecimenRejection.Clotted, ["2345-7"], Staff, Now),
        new RecollectionRequested(OrderId, VisitId, PatientId, SpecimenId, "blood", ["2345-7"], Now),
        SentOut(Cholesterol),
        new SendOutOverdue(OrderId, VisitId, PatientId, SpecimenId, Accession, "Quest", ["2093-3"], Now, Now),
        Resulted(Glucose, "95", "N"),
        Flagged(Glucose, "HH"),
        new LabResultAcknowledged(OrderId, VisitId, PatientId, "2345-7", true, "dr", Now),
        new CriticalResultEscalated(OrderId, VisitId, PatientId, "2345-7", Now, Now),
        new LabResultAmended(OrderId, VisitId, PatientId, "2345-7", "1", "mg/dL", "LL", "95", "N", "x", Staff, Now),
    ];

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void GivenAnyOrderEvent_WhenRelayed_ThenPublishedForTheVisitWithTheCommittedEventsId(object domainEvent)
    {
        var committed = new Event<object>(domainEvent) { Id = Guid.CreateVersion7(), StreamId = OrderId, Timestamp = Recorded };

        var relayed = _relay.Map(committed).Should().BeAssignableTo<IVisitEvent>().Subject;

        relayed.EventId.Should().Be(committed.Id);
        relayed.VisitId.Should().Be(VisitId);
        relayed.RecordedAt.Should().Be(Recorded);
    }
}
