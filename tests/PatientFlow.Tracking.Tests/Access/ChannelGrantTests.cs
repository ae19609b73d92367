using System.Net;
using System.Text.Json;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Audit;
using PatientFlow.Testing.Identity;
using PatientFlow.Tracking.Integrators.Catalog;

namespace PatientFlow.Tracking.Tests.Access;

/// <summary>
/// What a token grants is what it reads, on every feed channel (REST, SSE, gRPC, webhook): the payload scope from
/// <c>feed.ids</c> / <c>feed.clinical</c>, the visits from its clinics; asking for more is a 403 naming the field.
/// </summary>
public class ChannelGrantTests(TwoClinicsFactory factory) : IClassFixture<TwoClinicsFactory>
{
    public static TheoryData<string> Channels => FeedChannel.Names;

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenWithFeedIdsOnly_IdsAndStagesOnly(string channel)
    {
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.FeedIds], factory.North));

        read.Refused.Should().BeNull();
        IdsOf(read).Should().BeEquivalentTo(factory.NorthEvents);
        read.Events.Select(Data).SelectMany(data => data.EnumerateObject().Select(property => property.Name))
            .Should().OnlyContain(name => PayloadScopes.KeepsInIds(name), "no clinical value leaves with feed.ids alone");
        read.Events.Where(IsVitals).Should().HaveCount(factory.NorthVisits.Count)
            .And.OnlyContain(e => !HasObservations(e));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenWithFeedIdsOnly_AskingForClinical_403NamingScope(string channel)
    {
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.FeedIds], factory.North), scope: "clinical");

        read.Refused.Should().Be(HttpStatusCode.Forbidden);
        read.Field.Should().Be("scope");
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenWithFeedClinical_AskingForClinical_TheVitalSignsValues(string channel)
    {
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.FeedClinical], factory.North), scope: "clinical");

        read.Events.Where(IsVitals).Should().HaveCount(factory.NorthVisits.Count)
            .And.OnlyContain(e => Data(e).GetProperty("observations")[0].GetProperty("value").GetDecimal() == 72m);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenOfOneClinic_NoClinicAsked_AnotherClinicsVisitsNeverAppear(string channel)
    {
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.FeedClinical], factory.North));

        IdsOf(read).Should().BeEquivalentTo(factory.NorthEvents);
        read.Events.Should().OnlyContain(e => e.GetProperty("clinic").GetString() == factory.North);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenOfOneClinic_AskingForAnother_403NamingClinics(string channel)
    {
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.FeedClinical], factory.North), clinics: [factory.North, factory.South]);

        read.Refused.Should().Be(HttpStatusCode.Forbidden);
        read.Field.Should().Be("clinics");
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenOfAnotherOrganisationWithEveryClinic_403NamingClinics(string channel)
    {
        var stranger = Caller.Integrator([TokenScopes.FeedClinical]) with { Organization = "another-health-system" };

        var read = await ReadAsync(channel, stranger);

        read.Refused.Should().Be(HttpStatusCode.Forbidden);
        read.Field.Should().Be("clinics");
        read.Events.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Read_TokenWithoutAFeedScope_403NamingScope(string channel)
    {
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.Hl7, .. TokenScopes.Fhir], factory.North));

        read.Refused.Should().Be(HttpStatusCode.Forbidden);
        read.Field.Should().Be("scope");
    }

    /// <summary>
    /// Each event sent on a stream or pushed to a webhook is a disclosure of its patient to the integrator (the REST page
    /// is one record of the request, with every patient on it): one audit record per event, before or as it leaves.
    /// </summary>
    [Theory]
    [InlineData("sse", "feed-event")]
    [InlineData("grpc", "feed-event")]
    [InlineData("webhook", "webhook-delivery")]
    public async Task Read_OnAStreamOrAWebhook_EachEventIsOneDisclosureOfItsPatientToTheReader(string channel, string recorded)
    {
        var subject = $"integrator-{Guid.NewGuid():N}";
        var trail = new AuditLog(factory.AuditDatabaseConnectionString);
        var before = await trail.LastIdAsync();
        var read = await ReadAsync(channel, Caller.Integrator([TokenScopes.FeedClinical], factory.North).WithSubject(subject));

        // A stream's records name the reader; a webhook's, the client that registered it (the channel registers as a client of its own).
        var disclosures = await Eventually.Until(async () =>
        {
            var records = (await trail.AfterAsync(before)).Where(r => r.Entry.ResourceType == recorded && (channel == "webhook" || r.Entry.Subject == subject)).ToList();
            return records.Count >= read.Events.Count ? records : null;
        }, what: $"{read.Events.Count} {recorded} records");

        disclosures.Should().HaveCount(read.Events.Count).And.OnlyContain(r => r.Entry.Action == AuditAction.Disclosure && r.Entry.Outcome == AuditOutcome.Success);
        disclosures.Select(r => r.Entry.PatientIds.Single()).Distinct()
            .Should().BeEquivalentTo(factory.NorthVisits.Select(visit => visit.PatientId), "each record names the patient its event is about");
        disclosures.Select(r => r.Entry.ResourceId).Should().OnlyHaveUniqueItems();
        (await trail.VerifyAsync()).Intact.Should().BeTrue();
    }

    private async Task<ChannelRead> ReadAsync(string channel, Caller caller, IReadOnlyList<string>? clinics = null, string? scope = null)
    {
        await factory.PublishedAsync();
        return await FeedChannel.Named(channel).ReadAsync(factory, caller, clinics ?? [], scope, factory.NorthEvents.Count);
    }

    private static IEnumerable<Guid> IdsOf(ChannelRead read) => read.Events.Select(e => Guid.Parse(e.GetProperty("id").GetString()!));

    private static JsonElement Data(JsonElement cloudEvent) => cloudEvent.GetProperty("data");

    private static bool HasObservations(JsonElement cloudEvent) => Data(cloudEvent).TryGetProperty("observations", out _);

    private static bool IsVitals(JsonElement cloudEvent) => cloudEvent.GetProperty("type").GetString() == "org.patientflow.intake.vitals-recorded.v1";
}
