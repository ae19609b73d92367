using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Marten;
using Hl7.Fhir.Serialization;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Identity;
using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Integrators.Fhir;
using PatientFlow.Tracking.Integrators.Hl7;
using PatientFlow.Tracking.Integrators.Webhooks;
using PatientFlow.Tracking.Tests.Api;
using PatientFlow.Tracking.Tests.Webhooks;
using Task = System.Threading.Tasks.Task;

namespace PatientFlow.Tracking.Tests.Access;

/// <summary>
/// Tracking's reads other than the feed, cut to the token: FHIR by resource-type scope and clinic, the board, journeys and
/// analytics by the staff member's clinics, HL7 by its scope, a webhook's grant narrowed with its owner's token.
/// </summary>
public class ClinicReadTests(TwoClinicsFactory factory) : IClassFixture<TwoClinicsFactory>
{
    private VisitScript North => factory.NorthVisits[0];

    private VisitScript South => factory.SouthVisits[0];

    [Fact]
    public async Task FhirObservation_TokenWithoutItsReadScope_403_WhileTheEncounterItMayReadIs200()
    {
        await factory.PublishedAsync();
        var client = factory.CreateClient(Caller.Integrator([TokenScopes.FeedClinical, TokenScopes.FhirRead("Encounter")], factory.North));

        var observations = await client.GetAsync($"{FhirEndpoints.BasePath}/Observation?encounter={North.VisitId}");
        var encounter = await client.GetAsync($"{FhirEndpoints.BasePath}/Encounter/{North.VisitId}");

        observations.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var outcome = FhirJsonDeserializer.STRICT.Deserialize<OperationOutcome>(await observations.Content.ReadAsStringAsync())!;
        outcome.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.Forbidden);
        outcome.Issue.Single().Diagnostics.Should().Contain("system/Observation.read");
        encounter.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Fhir_TokenOfOneClinic_AnotherClinicsResources404AndNeverInASearch()
    {
        await factory.PublishedAsync();
        var client = factory.CreateClient(Caller.Integrator(TokenScopes.Fhir, factory.North));

        var southEncounter = await client.GetAsync($"{FhirEndpoints.BasePath}/Encounter/{South.VisitId}");
        var northEncounter = await client.GetAsync($"{FhirEndpoints.BasePath}/Encounter/{North.VisitId}");
        var southVitals = await SearchAsync(client, $"Observation?patient={South.PatientId}");
        var northVitals = await SearchAsync(client, $"Observation?patient={North.PatientId}");

        southEncounter.StatusCode.Should().Be(HttpStatusCode.NotFound);
        northEncounter.StatusCode.Should().Be(HttpStatusCode.OK);
        southVitals.Total.Should().Be(0);
        northVitals.Total.Should().Be(1, "the heart rate of north's visit");
    }

    [Fact]
    public async Task Board_StaffOfOneClinic_OnlyItsCards_AndAnotherClinicAsked403NamingClinic()
    {
        await factory.PublishedAsync();
        var frontDesk = factory.CreateClient(Caller.Staff(Roles.FrontDesk, factory.North));

        var snapshot = await frontDesk.GetAsync("/api/tracking/board/snapshot").ReadAsAsync<BoardSnapshot>();
        var stages = await frontDesk.GetAsync("/api/tracking/board").ReadAsAsync<System.Text.Json.JsonElement>();
        var south = await frontDesk.GetAsync($"/api/tracking/board/snapshot?clinic={factory.South}");

        snapshot.Cards.Select(card => card.VisitId).Should().BeEquivalentTo(factory.NorthVisits.Select(visit => visit.VisitId));
        stages.GetRawText().Should().Contain(North.VisitId.ToString()).And.NotContain(South.VisitId.ToString());
        south.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await south.Content.ReadAsStringAsync()).Should().Contain("clinic:");
    }

    [Fact]
    public async Task BoardTimelineAndAnalytics_StaffOfAnotherOrganisationWithEveryClinic_SeeNoVisit_AndAClinicAsked403()
    {
        await factory.PublishedAsync();
        var ours = factory.CreateClient(Caller.Staff(Roles.Ops));
        var stranger = factory.CreateClient(Caller.Staff(Roles.Ops) with { Organization = "another-health-system" });

        var snapshot = await stranger.GetAsync("/api/tracking/board/snapshot").ReadAsAsync<BoardSnapshot>();
        var stages = await stranger.GetAsync("/api/tracking/board").ReadAsAsync<System.Text.Json.JsonElement>();
        var timeline = await stranger.GetAsync($"/api/tracking/visits/{North.VisitId}/timeline");
        var byClinic = await stranger.GetAsync("/api/tracking/analytics/stages?groupBy=clinic").ReadAsAsync<StageBreakdown>();
        var north = await stranger.GetAsync($"/api/tracking/board/snapshot?clinic={factory.North}");

        snapshot.Cards.Should().BeEmpty();
        snapshot.Rooms.Should().BeEmpty();
        stages.GetRawText().Should().NotContain(North.VisitId.ToString()).And.NotContain(South.VisitId.ToString());
        timeline.StatusCode.Should().Be(HttpStatusCode.NotFound);
        byClinic.Groups.Should().BeEmpty();
        north.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await north.Content.ReadAsStringAsync()).Should().Contain("clinic:");
        (await ours.GetAsync($"/api/tracking/visits/{North.VisitId}/timeline")).StatusCode.Should().Be(HttpStatusCode.OK, "the same token of this organisation reads it");
    }

    [Fact]
    public async Task Timeline_StaffOfOneClinic_AnotherClinicsVisit404()
    {
        await factory.PublishedAsync();
        var clinician = factory.CreateClient(Caller.Staff(Roles.Clinician, factory.North));

        (await clinician.GetAsync($"/api/tracking/visits/{South.VisitId}/timeline")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await clinician.GetAsync($"/api/tracking/visits/{North.VisitId}/timeline")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Analytics_OpsOfOneClinic_GroupsOnlyItsClinic_AndAnotherClinicAsked403()
    {
        await factory.PublishedAsync();
        var ops = factory.CreateClient(Caller.Staff(Roles.Ops, factory.North));

        var byClinic = await ops.GetAsync("/api/tracking/analytics/stages?groupBy=clinic").ReadAsAsync<StageBreakdown>();
        var south = await ops.GetAsync($"/api/tracking/analytics?clinic={factory.South}");

        byClinic.Groups.Select(group => group.Key).Should().Equal(factory.North);
        byClinic.Groups.Single().Visits.Should().Be(factory.NorthVisits.Count);
        south.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Hl7Deliveries_IntegratorWithoutTheHl7Scope_403_WithIt200()
    {
        var without = await factory.CreateClient(Caller.Integrator([TokenScopes.FeedClinical], factory.North)).GetAsync("/api/tracking/hl7/deliveries");
        var with = await factory.CreateClient(Caller.Integrator([TokenScopes.Hl7], factory.North)).GetAsync("/api/tracking/hl7/deliveries");

        without.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        with.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hl7Deliveries_TokenOfOneClinic_OnlyThatClinicsRefusedMessages()
    {
        // As the HL7 sender keeps them when the receiver refuses a message: the ACK text may quote the message.
        Hl7Delivery Refused(VisitScript visit) => new(
            Guid.CreateVersion7(), $"ctl-{Guid.NewGuid():N}"[..20], visit.VisitId, "ADT^A04", 1, "AR", "PID-3 unknown", 1, DateTimeOffset.UtcNow, visit.Clinic);
        await using (var session = factory.Store.LightweightSession())
        {
            session.Store(Refused(North), Refused(South));
            await session.SaveChangesAsync();
        }

        var north = await factory.CreateClient(Caller.Integrator([TokenScopes.Hl7], factory.North)).GetAsync("/api/tracking/hl7/deliveries")
            .ReadAsAsync<Hl7DeliveriesResponse>();
        var every = await factory.CreateClient(Caller.Integrator([TokenScopes.Hl7])).GetAsync("/api/tracking/hl7/deliveries")
            .ReadAsAsync<Hl7DeliveriesResponse>();

        north.Deliveries.Select(delivery => delivery.VisitId).Should().Equal(North.VisitId);
        every.Deliveries.Select(delivery => delivery.VisitId).Should().Contain([North.VisitId, South.VisitId]);
    }

    [Fact]
    public async Task WebhookReplay_OwnersGrantNarrowedSinceRegistering_ReplaysOnlyWhatTheNarrowedTokenGrants()
    {
        await factory.PublishedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = $"narrowed-{Guid.NewGuid():N}";
        var wide = factory.CreateClient(Caller.Integrator([TokenScopes.FeedClinical, TokenScopes.Webhooks], factory.North, factory.South).WithSubject(owner));
        var narrow = factory.CreateClient(Caller.Integrator([TokenScopes.FeedIds, TokenScopes.Webhooks], factory.North).WithSubject(owner));
        // Registered from now on: nothing of the history is delivered until the replay.
        var registered = await wide.PostAsJsonAsync("/api/tracking/webhooks", new { url = receiver.Url, scope = "clinical" }).ReadAsAsync<RegisteredWebhook>();
        receiver.Secret = registered.Secret!;

        var replay = await narrow.PostAsJsonAsync($"/api/tracking/webhooks/{registered.Id}/replay", new { after = 0 });
        var stored = await narrow.GetAsync($"/api/tracking/webhooks/{registered.Id}").ReadAsAsync<RegisteredWebhook>();
        await Eventually.Until(() => Task.FromResult(receiver.Received.Count >= factory.NorthEvents.Count ? (object)true : null),
            timeout: TimeSpan.FromSeconds(60), what: "the replayed deliveries");
        await Task.Delay(1000);

        registered.Clinics.Should().BeEquivalentTo([factory.North, factory.South], "without clinics asked, the registering token's");
        replay.StatusCode.Should().Be(HttpStatusCode.Accepted);
        stored.Scope.Should().Be("ids");
        stored.Clinics.Should().Equal(factory.North);
        var delivered = receiver.Received.Select(delivery => System.Text.Json.JsonDocument.Parse(delivery.Body).RootElement).ToList();
        delivered.Select(e => Guid.Parse(e.GetProperty("id").GetString()!)).Should().BeEquivalentTo(factory.NorthEvents);
        delivered.Where(e => e.GetProperty("data").TryGetProperty("observations", out var _)).Should().BeEmpty("the narrowed token grants ids only");
    }

    private static async Task<Bundle> SearchAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync($"{FhirEndpoints.BasePath}/{path}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return FhirJsonDeserializer.STRICT.Deserialize<Bundle>(body)!;
    }
}
