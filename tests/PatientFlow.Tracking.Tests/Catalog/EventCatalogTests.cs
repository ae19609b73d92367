using System.Text.Json.Nodes;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Platform.Messaging;
using PatientFlow.Tracking.Integrators.Catalog;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Catalog;

public class EventCatalogTests
{
    [Fact]
    public void FeedContracts_WhenListed_ThenExactlyThePlatformsVisitEvents()
    {
        EventCatalog.FeedContracts.Should().BeEquivalentTo(
            PlatformTopology.AllIntegrationEvents.Where(typeof(IVisitEvent).IsAssignableFrom));
        EventCatalog.FeedContracts.Should().Contain([typeof(AppointmentBooked), typeof(ClaimCreated)])
            .And.NotContain([typeof(PatientRegistered), typeof(WaitlistOfferMade), typeof(PatientDetailsCorrected)]);
        EventCatalog.FeedContracts.Select(ContractSteps.NameOf).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Document_WhenGenerated_ThenAsyncApi3WithTheVisitEventsChannelAndAReceiveOperation()
    {
        var document = CatalogDocument.Root;
        var names = EventCatalog.FeedContracts.Select(CloudEventEnvelope.TypeOf).ToArray();

        document["asyncapi"]!.GetValue<string>().Should().Be("3.0.0");
        document["info"]!["title"]!.GetValue<string>().Should().Be("PatientFlow visit events");
        document["info"]!["version"]!.GetValue<string>().Should().Be("1.0.0");
        document["info"]!["description"]!.GetValue<string>().Should().ContainAll(
            "At least once", "deduplicate on `id`", "`sequence`", "`ids`", "`clinical`", "Subscribe", "GET /api/tracking/feed/events",
            "webhook-signature", "HMAC-SHA256", "FHIR R4", "MLLP", "Dapr");
        var channel = document["channels"]!["visitEvents"]!;
        channel["address"]!.GetValue<string>().Should().Be("visit-events");
        channel["messages"]!.AsObject().Select(message => message.Key).Should().Equal(names);
        var operation = document["operations"]!["receiveVisitEvents"]!;
        operation["action"]!.GetValue<string>().Should().Be("receive");
        operation["channel"]!["$ref"]!.GetValue<string>().Should().Be("#/channels/visitEvents");
        operation["messages"]!.AsArray().Select(message => message!["$ref"]!.GetValue<string>())
            .Should().Equal(names.Select(name => $"#/channels/visitEvents/messages/{name}"));
    }

    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void Contract_WhenCatalogued_ThenMessageWithSummarySchemasAndExamples(Type contract)
    {
        var message = CatalogDocument.Message(contract);

        message.Should().NotBeNull($"{contract.FullName} is a visit event the feed carries");
        message!["name"]!.GetValue<string>().Should().Be("org.patientflow." + ContractSteps.NameOf(contract));
        message["title"]!.GetValue<string>().Should().Be(contract.Name);
        (message["summary"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace(
            $"integrators read it: give {contract.FullName} a <summary> doc comment");
        message["contentType"]!.GetValue<string>().Should().Be("application/cloudevents+json");
        message["examples"]!.AsArray().Select(example => example!["name"]!.GetValue<string>()).Should().Equal("clinical", "ids");
        CatalogDocument.Schema(contract, PayloadScopes.Clinical).Should().NotBeNull();
        CatalogDocument.Schema(contract, PayloadScopes.Ids).Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void Contract_WhenCatalogued_ThenItAndEveryPropertyAreDescribed(Type contract)
    {
        var undescribed = new List<string>();
        Undescribed(CatalogDocument.Schema(contract, PayloadScopes.Clinical), contract.Name, undescribed);

        undescribed.Should().BeEmpty($"integrators read these: give {contract.FullName} and its nested records a <summary> and a <param> per property");
    }

    [Fact]
    public void EveryReference_WhenResolved_ThenPointsIntoTheDocument()
    {
        var references = new List<string>();
        Collect(CatalogDocument.Root, references);

        references.Should().NotBeEmpty();
        references.Where(reference => CatalogDocument.Checker.Resolve(reference) is null).Should().BeEmpty();
    }

    [Fact]
    public void GenerateJson_WhenCalledTwice_ThenTheSameIndentedTextWithUnixLineEndings()
    {
        var first = EventCatalog.GenerateJson();

        EventCatalog.GenerateJson().Should().Be(first);
        first.Should().NotContain("\r").And.StartWith("{\n  \"asyncapi\": \"3.0.0\"").And.EndWith("}\n");
    }

    // Every property and every record (the contract, a nested one, a list's element) must say what it is; a
    // $ref'd node is described where it is defined.
    private static void Undescribed(JsonNode? schema, string path, List<string> undescribed)
    {
        if (schema is not JsonObject node || node.ContainsKey("$ref"))
            return;
        if (node["description"] is null)
            undescribed.Add(path);
        foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
            Undescribed(property, $"{path}.{name}", undescribed);
        if (node["items"] is JsonObject items && items.ContainsKey("properties"))
            Undescribed(items, $"{path}[]", undescribed);
    }

    private static void Collect(JsonNode? node, List<string> references)
    {
        if (node is JsonObject parent)
            foreach (var (name, child) in parent)
                if (name == "$ref") references.Add(child!.GetValue<string>());
                else Collect(child, references);
        else if (node is JsonArray items)
            foreach (var child in items)
                Collect(child, references);
    }
}
