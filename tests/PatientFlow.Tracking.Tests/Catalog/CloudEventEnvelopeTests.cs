using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Tracking.Integrators.Catalog;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Catalog;

public class CloudEventEnvelopeTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void GivenLabOrder_WhenWrapped_ThenStructuredCloudEventFromTheEvent()
    {
        var placed = new LabOrderPlaced(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), At, At.AddMinutes(3),
            Guid.CreateVersion7(), "stat", [new OrderedLabTest("2345-7", "Glucose", "blood", "in-house")]);
        var data = JsonSerializer.SerializeToNode(placed, ContractJson.Options)!.AsObject();

        var envelope = CloudEventEnvelope.Wrap(placed, data, 42, "north");

        envelope.Select(attribute => attribute.Key).Should().Equal(
            "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "sequence", "recordedtime", "clinic", "data");
        envelope["id"]!.GetValue<string>().Should().Be(placed.EventId.ToString());
        envelope["source"]!.GetValue<string>().Should().Be("/patientflow/lab");
        envelope["type"]!.GetValue<string>().Should().Be("org.patientflow.lab.lab-order-placed.v1");
        envelope["subject"]!.GetValue<string>().Should().Be(placed.VisitId.ToString());
        envelope["time"]!.GetValue<string>().Should().Be("2026-03-02T09:15:00-05:00");
        envelope["recordedtime"]!.GetValue<string>().Should().Be("2026-03-02T09:18:00-05:00");
        envelope["sequence"]!.GetValue<string>().Should().Be("00000000000000000042");
        envelope["data"]!["tests"]![0]!["testCode"]!.GetValue<string>().Should().Be("2345-7");
    }

    [Fact]
    public void GivenUnknownClinic_WhenWrapped_ThenNoClinicAttribute() =>
        CloudEventEnvelope.Wrap(new LabOrderCancelled(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), At, At,
                Guid.CreateVersion7(), ["2345-7"]), new JsonObject(), 1, clinic: null)
            .ContainsKey("clinic").Should().BeFalse();

    [Fact]
    public void GivenFeedPositions_WhenSequenced_ThenStringOrderIsFeedOrder()
    {
        long[] positions = [0, 9, 10, 99, 1_000_000, long.MaxValue];

        positions.Select(CloudEventEnvelope.SequenceOf).Should().BeInAscendingOrder(StringComparer.Ordinal)
            .And.AllSatisfy(sequence => sequence.Should().HaveLength(20));
        FluentActions.Invoking(() => CloudEventEnvelope.SequenceOf(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
