using System.Diagnostics;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Testing;
using PatientFlow.Tracking.Tests.Feed;
using Xunit.Abstractions;

namespace PatientFlow.Tracking.Tests.Dapr;

/// <summary>
/// The Dapr publisher against real PostgreSQL and RabbitMQ and a stand-in sidecar speaking Dapr's gRPC API: events
/// published as the services would, logged by tracking, published to the pub/sub component in the log's order.
/// </summary>
public class DaprPublisherTests(DaprFactory factory, ITestOutputHelper output) : IClassFixture<DaprFactory>
{
    [Fact]
    public async Task Publish_VisitsWhileTheSidecarFirstRefuses_EveryEventOnceInLogOrder_AsTheFeedsCloudEventWithoutClinicalValues()
    {
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var events = FeedClients.Visits(clinic, 5);
        var vitals = events.OfType<VitalsRecorded>().Select(e => e.EventId).ToHashSet();
        var watch = Stopwatch.StartNew();

        var logged = await FeedClients.PublishAndWaitAsync(factory, clinic, events);
        var published = await Eventually.Until(
            () => Task.FromResult(factory.Sidecar.Published.Count >= events.Count ? factory.Sidecar.Published.ToList() : null),
            TimeSpan.FromSeconds(60), $"{events.Count} events at the sidecar");
        watch.Stop();
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        factory.Sidecar.Published.Should().HaveCount(events.Count, "each event is published once");
        factory.Sidecar.Calls.Should().Be(events.Count + DaprFactory.RefusedCalls, "the refused publishes were tried again");
        Figures.Report(output, "Dapr publisher, 40 events through RabbitMQ, tracking and a stand-in sidecar (test service)", $"{watch.Elapsed.TotalSeconds:0.0} s");

        var sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);
        var formatter = new JsonEventFormatter();
        var decoded = published.Select(request =>
        {
            request.PubsubName.Should().Be(DaprFactory.PubSubName);
            request.Topic.Should().Be(DaprFactory.Topic);
            request.DataContentType.Should().Be("application/cloudevents+json", "the sidecar passes such an event on instead of wrapping it");
            return formatter.DecodeStructuredModeMessage(request.Data.Memory, new ContentType(request.DataContentType), [sequence]);
        }).ToList();

        decoded.Should().OnlyContain(cloudEvent => cloudEvent.IsValid && cloudEvent.Type!.StartsWith("org.patientflow.", StringComparison.Ordinal));
        decoded.Select(cloudEvent => Guid.Parse(cloudEvent.Id!)).Should().Equal(logged, "the log's events, once each, in its order");
        decoded.Select(cloudEvent => (string)cloudEvent[sequence]!).Should().BeInAscendingOrder(StringComparer.Ordinal);
        published.Zip(decoded).Should().OnlyContain(pair => pair.First.Metadata["partitionKey"] == pair.Second.Subject, "one visit's events share a partition");

        var vitalsData = decoded.Where(cloudEvent => vitals.Contains(Guid.Parse(cloudEvent.Id!))).Select(cloudEvent => (JsonElement)cloudEvent.Data!).ToList();
        vitalsData.Should().HaveCount(5);
        vitalsData.Select(data => data.EnumerateObject().Select(property => property.Name).ToList()).Should()
            .OnlyContain(names => !names.Contains("observations"), "the ids scope carries no clinical values");
        published.Select(request => request.Data.ToStringUtf8()).Should().NotContain(json => json.Contains("Heart rate") || json.Contains("8867-4"));
    }
}
