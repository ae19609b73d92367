using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Integrators.Webhooks;
using PatientFlow.Tracking.Tests.Api;
using PatientFlow.Tracking.Tests.Feed;
using Xunit.Abstractions;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>Tracking as a test service whose webhooks may reach loopback, retry within a second and give up after 4 s.</summary>
public class WebhookFactory : TrackingFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tracking:Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Tracking:Webhooks:FirstRetryAfter", "00:00:00.200");
        builder.UseSetting("Tracking:Webhooks:LongestWait", "00:00:01");
        builder.UseSetting("Tracking:Webhooks:RetryFor", "00:00:04");
    }
}

/// <summary>Tracking with private webhook targets refused, as outside development.</summary>
public sealed class StrictWebhookFactory : TrackingFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // After every configuration source: the development settings allow private targets for local receivers.
        builder.ConfigureServices(services => services.PostConfigure<WebhookOptions>(options => options.AllowPrivateTargets = false));
    }
}

public class WebhookDeliveryTests(WebhookFactory factory, ITestOutputHelper output) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task Deliveries_SomeFailAtFirst_EveryEventArrivesOnceSignedInFeedOrderPerVisit_AndTheLogShowsTheRetries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var integrator = factory.CreateClient(Roles.Integrator);
        var registered = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = receiver.Url, clinics = new[] { clinic }, scope = "clinical" })
            .ReadAsAsync<RegisteredWebhook>();
        receiver.Secret = registered.Secret!;
        var webhookId = registered.Id;
        // Every third event's first two attempts fail.
        var failing = new HashSet<string>();
        receiver.Answer = (id, seen) => failing.Contains(id) && seen < 2 ? 503 : 200;

        var events = FeedClients.Visits(clinic, 10);
        foreach (var (e, i) in events.Select((e, i) => (e, i)).Where(x => x.i % 3 == 0))
        {
            failing.Add(e.EventId.ToString("D"));
        }

        var logged = await FeedClients.PublishAndWaitAsync(factory, clinic, events);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Where(r => r.Answered == 200).Select(r => r.Id).Distinct().Count() >= events.Count ? (object)true : null),
            timeout: TimeSpan.FromSeconds(60), what: "every event delivered");
        await Task.Delay(500);

        var received = receiver.Received.ToList();
        received.Should().OnlyContain(r => r.Verified, "every delivery is signed with the subscription's secret and fresh");
        var accepted = received.Where(r => r.Answered == 200).ToList();
        accepted.Select(r => r.Id).Should().OnlyHaveUniqueItems("a delivered event is not sent again");
        accepted.Select(r => Guid.Parse(r.Id)).Should().BeEquivalentTo(logged);
        received.Where(r => r.Answered == 503).Should().HaveCount(2 * failing.Count, "each failing event's first two attempts failed and were retried");
        var position = logged.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        foreach (var visit in accepted.GroupBy(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("subject").GetString()))
        {
            visit.Select(r => position[Guid.Parse(r.Id)]).Should().BeInAscendingOrder("a visit's events arrive in feed order, retries included");
        }

        var body = JsonDocument.Parse(accepted[0].Body).RootElement;
        body.GetProperty("specversion").GetString().Should().Be("1.0");
        body.GetProperty("id").GetString().Should().Be(accepted[0].Id);
        var log = await integrator.GetAsync($"/api/tracking/webhooks/{webhookId}/deliveries?limit=1000").ReadAsAsync<IReadOnlyList<DeliveryView>>();
        log.Should().HaveCount(events.Count).And.OnlyContain(d => d.Status == "delivered");
        log.Where(d => failing.Contains(d.EventId.ToString("D")))
            .Should().OnlyContain(d => d.Attempts == 3 && d.Log[0].StatusCode == 503);
        Figures.Report(output, "Webhook deliveries (10 visits, 80 events, 27 failing twice)", $"{received.Count} POSTs, {accepted.Count} accepted");
    }

    [Fact]
    public async Task Delivery_ReceiverRedirects_RedirectNotFollowed_UntilDeadLettered_ThenReplayedByApi()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var integrator = factory.CreateClient(Roles.Integrator);
        var registered = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = receiver.Url, clinics = new[] { clinic } })
            .ReadAsAsync<RegisteredWebhook>();
        receiver.Secret = registered.Secret!;
        var webhookId = registered.Id;
        receiver.Answer = (_, _) => 302;
        var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-30));

        await factory.PublishAsync(visit.Booked());
        var dead = await Eventually.Until(async () =>
        {
            var log = await integrator.GetAsync($"/api/tracking/webhooks/{webhookId}/deliveries?status=dead-lettered").ReadAsAsync<IReadOnlyList<DeliveryView>>();
            return log.Count == 1 ? log[0] : null;
        }, timeout: TimeSpan.FromSeconds(60), what: "the redirected delivery dead-lettered");

        dead.Log[0].StatusCode.Should().Be(302);
        receiver.Received.Should().OnlyContain(r => r.Answered == 302, "the redirect target was never called");

        receiver.Answer = (_, _) => 200;
        var replay = await integrator.PostAsync($"/api/tracking/webhooks/{webhookId}/dead-letters/replay", null).ReadAsAsync<ReplayedDeadLetters>();
        replay.Requeued.Should().Be(1);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Any(r => r.Answered == 200) ? (object)true : null), what: "the replayed delivery");
        receiver.Received.Single(r => r.Answered == 200).Id.Should().Be(dead.EventId.ToString("D"));
    }

    [Fact]
    public async Task Delivery_FhirFormat_CarriesTheResourcesTheEventChangedAsAStrictlyParsedBundle()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var integrator = factory.CreateClient(Roles.Integrator);
        var registered = await integrator.PostAsJsonAsync("/api/tracking/webhooks",
            new { url = receiver.Url, clinics = new[] { clinic }, scope = "clinical", format = "fhir" }).ReadAsAsync<RegisteredWebhook>();
        registered.Format.Should().Be("fhir");
        receiver.Secret = registered.Secret!;
        var visit = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-30));
        var vitals = visit.Vitals();

        await FeedClients.PublishAndWaitAsync(factory, clinic, [visit.Booked(), visit.CheckedIn(), vitals]);
        await Eventually.Until(() => Task.FromResult(receiver.Received.Any(r => r.Id == vitals.EventId.ToString("D")) ? (object)true : null),
            timeout: TimeSpan.FromSeconds(30), what: "the vitals delivery");

        var delivered = JsonDocument.Parse(receiver.Received.Single(r => r.Id == vitals.EventId.ToString("D")).Body).RootElement;
        delivered.GetProperty("datacontenttype").GetString().Should().Be("application/fhir+json");
        var bundle = FhirJsonDeserializer.STRICT.Deserialize<global::Hl7.Fhir.Model.Bundle>(delivered.GetProperty("data").GetRawText())!;
        bundle.Type.Should().Be(global::Hl7.Fhir.Model.Bundle.BundleType.Collection);
        var observation = bundle.Entry.Select(e => e.Resource).OfType<global::Hl7.Fhir.Model.Observation>().Single();
        observation.Code.Coding.Single().Code.Should().Be("8867-4");
        observation.Value.Should().BeOfType<global::Hl7.Fhir.Model.Quantity>().Which.Value.Should().Be(72m);
        observation.Encounter!.Reference.Should().Be($"Encounter/{visit.VisitId:D}");
    }

    [Fact]
    public async Task Register_LoopbackTargetWithoutPermission_422NamingUrl_BadScope422_FrontDesk403()
    {
        // As deployed: private targets not allowed (development settings allow them for local receivers).
        await using var plain = new StrictWebhookFactory();
        await plain.InitializeAsync();
        var integrator = plain.CreateClient(Roles.Integrator);

        var loopback = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = "http://127.0.0.1:9/hook" });
        var scope = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = "https://93.184.216.34/hook", scope = "everything" });
        var fhirIds = await integrator.PostAsJsonAsync("/api/tracking/webhooks", new { url = "https://93.184.216.34/hook", format = "fhir" });
        var frontDesk = await plain.CreateClient(Roles.FrontDesk).PostAsJsonAsync("/api/tracking/webhooks", new { url = "https://93.184.216.34/hook" });

        loopback.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, await loopback.Content.ReadAsStringAsync());
        (await Body(loopback)).GetProperty("errors").EnumerateObject().Single().Name.Should().Be("url");
        scope.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(scope)).GetProperty("errors").EnumerateObject().Single().Name.Should().Be("scope");
        fhirIds.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(fhirIds)).GetProperty("errors").EnumerateObject().Single().Name.Should().Be("format");
        frontDesk.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
