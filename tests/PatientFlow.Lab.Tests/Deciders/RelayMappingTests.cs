using JasperFx.Events;
using PatientFlow.Lab.Catalog;
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
    public void GivenLabTestOrdered_WhenRelayed_ThenContractCarriesVisitOrderAndTest()
    {
        var committed = Committed(Ordered(Glucose));

        _relay.Map(committed).Should().Be(new V1.LabTestOrdered(
            committed.Id, VisitId, PatientId, Now.AddMinutes(-30), Recorded, OrderId, "2345-7", "Glucose (serum)"));
    }

    [Fact]
    public void GivenLabResultRecorded_WhenRelayed_ThenContractCarriesFlagAndBillingCode()
    {
        var committed = Committed(new LabResultRecorded(OrderId, VisitId, PatientId, "2345-7", "420", "mg/dL", LabFlag.CriticalHigh, "82947", Now));

        _relay.Map(committed).Should().Be(new V1.LabResultRecorded(
            committed.Id, VisitId, PatientId, Now, Recorded, OrderId, "2345-7", "420", "mg/dL", "HH", "82947"));
    }
}
