using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Grpc.Core;
using PatientFlow.Contracts.Grpc.Tracking.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;
using PatientFlow.Tracking.Tests.Api;
using Xunit.Abstractions;

namespace PatientFlow.Tracking.Tests.Feed;

/// <summary>
/// The integrator feed replayed and followed over gRPC and SSE, against real PostgreSQL and RabbitMQ: events
/// published as the services would, logged by tracking's consumers, read back in the log's order.
/// </summary>
public class FeedSubscriptionTests(TrackingFactory factory, ITestOutputHelper output) : IClassFixture<TrackingFactory>
{
    [Fact]
    public async Task Subscribe_FromTheStartAfter1000Events_ExactlyThoseInOrder_ThenResumedMidwayWithNoGapOrDuplicate()
    {
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var logged = await FeedClients.PublishAndWaitAsync(factory, clinic, FeedClients.Visits(clinic, 125));
        logged.Should().HaveCount(1000);
        var (client, headers, channel) = FeedClients.Grpc(factory);
        using var _ = channel;
        var catchUp = Stopwatch.StartNew();
        await FeedClients.SafeToEndAsync(factory);
        Figures.Report(output, "Feed safe position past a burst of 1,000 events, after the last was seen in the log (test service)", $"{catchUp.ElapsedMilliseconds} ms");

        var watch = Stopwatch.StartNew();
        var first = await ReadAsync(client, headers, new SubscribeRequest { AfterPosition = 0, Clinics = { clinic } }, 400);
        // Dropped after 400: resume after the last position kept.
        var rest = await ReadAsync(client, headers, new SubscribeRequest { AfterPosition = first[^1].Position, Clinics = { clinic } }, 600);
        watch.Stop();

        var all = first.Concat(rest).ToList();
        all.Select(e => Guid.Parse(e.Id)).Should().Equal(logged, "the feed gives exactly the log's events, in its order, across the drop");
        all.Select(e => e.Position).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        Figures.Report(output, "Feed gRPC replay, 1,000 events in two subscriptions (test service)", $"{1000 / watch.Elapsed.TotalSeconds:0} events/s");

        var envelope = JsonDocument.Parse(all[0].CloudEvent).RootElement;
        envelope.GetProperty("specversion").GetString().Should().Be("1.0");
        envelope.GetProperty("type").GetString().Should().Be("org.patientflow.scheduling.appointment-booked.v1").And.Be(all[0].Type);
        envelope.GetProperty("subject").GetString().Should().Be(all[0].Subject);
        envelope.GetProperty("sequence").GetString().Should().Be(all[0].Position.ToString("D20"));
        envelope.GetProperty("data").GetProperty("visitId").GetString().Should().Be(all[0].Subject);
        // A CloudEvents SDK reads the envelope as a valid 1.0 event in structured JSON mode.
        var sequence = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);
        var decoded = new JsonEventFormatter().DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(all[0].CloudEvent), null, [sequence]);
        decoded.IsValid.Should().BeTrue();
        decoded.Id.Should().Be(all[0].Id);
        decoded.Source!.ToString().Should().Be("/patientflow/scheduling");
        decoded.Time.Should().Be(all[0].Time.ToDateTimeOffset());
        decoded[sequence].Should().Be(all[0].Position.ToString("D20"));
    }

    [Fact]
    public async Task Stream_StartedWhileEventsArePublished_SwitchesFromReplayToLiveWithNoGapOrDuplicate_AndResumesWithLastEventId()
    {
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var events = FeedClients.Visits(clinic, 50);
        var integrator = factory.CreateClient(Roles.Integrator);
        await FeedClients.BookAsync(factory, clinic, events);
        var publishing = Task.Run(async () =>
        {
            foreach (var batch in events.Where(e => e is not AppointmentBooked).Chunk(20))
            {
                await factory.PublishAllAsync(batch);
                await Task.Delay(50);
            }
        });
        await FeedClients.LoggedAsync(factory, clinic, 100);

        var received = new List<ServerSentEvent>();
        await using (var stream = await EventStreamReader.OpenAsync(integrator, $"/api/tracking/feed/events?clinics={clinic}"))
        {
            while (received.Count < 250)
            {
                received.Add(await stream.NextFrameAsync(TimeSpan.FromSeconds(60)));
            }
        }

        await using (var resumed = await OpenAsync(integrator, $"/api/tracking/feed/events?clinics={clinic}", received[^1].Id!))
        {
            while (received.Count < events.Count)
            {
                received.Add(await resumed.NextFrameAsync(TimeSpan.FromSeconds(60)));
            }

            await publishing;
            (await resumed.DrainAsync(TimeSpan.FromMilliseconds(500))).Should().BeEmpty("every event was sent once");
        }

        var logged = await FeedClients.LoggedAsync(factory, clinic, events.Count);
        received.Select(e => Guid.Parse(e.Data.GetProperty("id").GetString()!)).Should().Equal(logged);
        received.Select(e => long.Parse(e.Id!)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        received.Should().OnlyContain(e => e.Type == e.Data.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_FollowingLive_NewEventsArriveAsTheyAreLogged()
    {
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var (client, headers, channel) = FeedClients.Grpc(factory);
        using var _ = channel;
        using var call = client.Subscribe(new SubscribeRequest { AfterPosition = 0, Clinics = { clinic }, Scope = "clinical" }, headers);
        var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-30));

        await factory.PublishAsync(visit.Booked());
        var booked = await NextAsync(call);
        await factory.PublishAsync(visit.Vitals());
        var vitals = await NextAsync(call);

        booked.Type.Should().Be("org.patientflow.scheduling.appointment-booked.v1");
        vitals.Position.Should().BeGreaterThan(booked.Position);
        var data = JsonDocument.Parse(vitals.CloudEvent).RootElement.GetProperty("data").Deserialize<VitalsRecorded>(ContractJson.Options)!;
        data.Observations[0].LoincCode.Should().Be("8867-4", "the clinical scope carries the whole event");
        data.Observations[0].Value.Should().Be(72m);
    }

    private static async Task<List<FeedEvent>> ReadAsync(IntegratorFeed.IntegratorFeedClient client, Metadata headers, SubscribeRequest request, int count)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var call = client.Subscribe(request, headers, cancellationToken: cancel.Token);
        var read = new List<FeedEvent>();
        while (read.Count < count && await call.ResponseStream.MoveNext(cancel.Token))
        {
            read.Add(call.ResponseStream.Current);
        }

        return read;
    }

    private static async Task<FeedEvent> NextAsync(AsyncServerStreamingCall<FeedEvent> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        (await call.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue();
        return call.ResponseStream.Current;
    }

    private static async Task<EventStreamReader> OpenAsync(HttpClient client, string url, string lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStreamReader(await response.Content.ReadAsStreamAsync());
    }
}
