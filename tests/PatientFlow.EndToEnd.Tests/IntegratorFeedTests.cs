using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using PatientFlow.Contracts.Grpc.Tracking.V1;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>
/// An integrator's day, through the gateway only: the catalog without a token, the clinic's visits replayed and then
/// followed live over gRPC on the gateway's HTTP/2 port, and the same events over SSE. Live latency is measured from
/// the event's commit in the service that recorded it (<c>recordedtime</c>) to its arrival at the subscriber.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IntegratorFeedTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string CheckedIn = "org.patientflow.scheduling.patient-checked-in.v1";
    private const string Roomed = "org.patientflow.intake.patient-roomed.v1";

    [Fact]
    public async Task Integrator_ReadsTheCatalog_ReplaysTheClinicsVisits_ThenFollowsLive_OverGrpcAndSseThroughTheGateway()
    {
        var anonymous = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };
        var catalog = await anonymous.GetJsonAsync("/api/tracking/catalog/asyncapi.json");
        catalog.Str("asyncapi").Should().Be("3.0.0");
        catalog.GetProperty("components").GetProperty("messages").TryGetProperty(CheckedIn, out _).Should().BeTrue();

        var frontDesk = await platform.ClientForAsync("front-desk");
        var clinician = await platform.ClientForAsync("clinician");
        var integrator = await platform.ClientForAsync("integrator");
        var clinic = await ClinicSetup.NewClinicAsync(await platform.ClientForAsync("ops"), "feed");
        var visits = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (visitId, _) = await ClinicSetup.BookAsync(frontDesk, clinic);
            await frontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn(), HttpStatusCode.OK);
            visits.Add(visitId);
        }

        using var channel = GrpcChannel.ForAddress(platform.Platform.GatewayGrpcUrl!);
        var feed = new IntegratorFeed.IntegratorFeedClient(channel);
        var headers = new Metadata { { "authorization", integrator.DefaultRequestHeaders.Authorization!.ToString() } };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var call = feed.Subscribe(new SubscribeRequest { AfterPosition = 0, Clinics = { clinic }, Scope = "ids" }, headers, cancellationToken: cancel.Token);
        var received = new List<(FeedEvent Event, DateTimeOffset At)>();

        // Replay: everything logged for the clinic so far, whichever service it came from, with each check-in.
        await ReadUntilAsync(call, received, () => visits.All(v => received.Any(r => r.Event.Subject == v && r.Event.Type == CheckedIn)), cancel.Token);
        var replayed = received.Count;

        // Live: each rooming arrives while the subscription is open.
        var latencies = new List<double>();
        foreach (var visitId in visits)
        {
            await clinician.EventuallyAsync($"/api/intake/encounters/{visitId}", _ => true);
            await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room = $"EXAM-{visits.IndexOf(visitId) + 1}" }, HttpStatusCode.OK);
            await ReadUntilAsync(call, received, () => received.Any(r => r.Event.Subject == visitId && r.Event.Type == Roomed), cancel.Token);
            var (roomed, at) = received.Single(r => r.Event.Subject == visitId && r.Event.Type == Roomed);
            var recorded = JsonDocument.Parse(roomed.CloudEvent).RootElement.GetProperty("recordedtime").GetDateTimeOffset();
            latencies.Add((at - recorded).TotalMilliseconds);
        }

        received.Select(r => r.Event.Position).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var data = JsonDocument.Parse(received.First(r => r.Event.Type == CheckedIn).Event.CloudEvent).RootElement.GetProperty("data");
        data.TryGetProperty("insuranceMemberId", out _).Should().BeFalse("the ids scope carries no number another organisation gave the patient");

        // The same events, in the same order, over server-sent events.
        var expected = received.Select(r => r.Event.Id).ToList();
        await using (var stream = await EventStreamReader.OpenAsync(integrator, $"/api/tracking/feed/events?clinics={clinic}"))
        {
            var overSse = new List<string>();
            while (overSse.Count < expected.Count)
            {
                overSse.Add((await stream.NextFrameAsync(TimeSpan.FromSeconds(30))).Data.Str("id"));
            }

            overSse.Should().Equal(expected);
        }

        latencies.Sort();
        Figures.Report(output, "Integrator feed live latency, event recorded to gRPC subscriber through the gateway",
            string.Create(CultureInfo.InvariantCulture, $"p50 {latencies[latencies.Count / 2]:0} ms, max {latencies[^1]:0} ms over {latencies.Count} events; {replayed} replayed first"));
    }

    private static async Task ReadUntilAsync(
        AsyncServerStreamingCall<FeedEvent> call, List<(FeedEvent Event, DateTimeOffset At)> received, Func<bool> done, CancellationToken ct)
    {
        while (!done())
        {
            (await call.ResponseStream.MoveNext(ct)).Should().BeTrue("the subscription stays open");
            received.Add((call.ResponseStream.Current, DateTimeOffset.UtcNow));
        }
    }
}
