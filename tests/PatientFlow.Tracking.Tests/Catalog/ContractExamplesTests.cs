using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Tracking.Integrators.Catalog;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Catalog;

public class ContractExamplesTests
{
    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void ExampleData_WhenDeserialized_ThenTheContractBackUnchanged(Type contract)
    {
        var data = Data(contract, PayloadScopes.Clinical);

        var read = data.Deserialize(contract, ContractJson.Options);

        read.Should().BeOfType(contract).And.BeEquivalentTo(ContractExamples.ExampleOf(contract));
        JsonNode.DeepEquals(JsonSerializer.SerializeToNode(read, contract, ContractJson.Options), data)
            .Should().BeTrue($"the example of {contract.Name} reads back to the same JSON");
    }

    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void Examples_WhenChecked_ThenSatisfyTheirSchemas(Type contract)
    {
        var checker = CatalogDocument.Checker;
        var payload = CatalogDocument.Message(contract)!["payload"];

        checker.Check(Data(contract, PayloadScopes.Clinical), CatalogDocument.Schema(contract, PayloadScopes.Clinical)).Should().BeEmpty();
        checker.Check(Data(contract, PayloadScopes.Ids), CatalogDocument.Schema(contract, PayloadScopes.Ids)).Should().BeEmpty();
        checker.Check(CatalogDocument.Example(contract, PayloadScopes.Clinical), payload).Should().BeEmpty();
        checker.Check(CatalogDocument.Example(contract, PayloadScopes.Ids), payload).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void ExampleEnvelope_WhenRead_ThenItsAttributesComeFromTheEvent(Type contract)
    {
        var envelope = CatalogDocument.Example(contract, PayloadScopes.Clinical)!;
        var data = envelope["data"]!;

        Text(envelope, "specversion").Should().Be("1.0");
        Text(envelope, "id").Should().Be(Text(data, "eventId"));
        Text(envelope, "subject").Should().Be(Text(data, "visitId"));
        Text(envelope, "time").Should().Be(Text(data, "occurredAt"));
        Text(envelope, "recordedtime").Should().Be(Text(data, "recordedAt"));
        Text(envelope, "type").Should().Be(CloudEventEnvelope.TypeOf(contract)).And.StartWith("org.patientflow.");
        Text(envelope, "source").Should().Be("/patientflow/" + contract.Namespace!.Split('.')[^2].ToLowerInvariant());
        Text(envelope, "datacontenttype").Should().Be("application/json");
        Text(envelope, "sequence").Should().MatchRegex("^[0-9]{20}$");
    }

    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void IdsExample_WhenComparedToTheClinicalOne_ThenTheSameEnvelopeAroundIdsOnlyData(Type contract)
    {
        var clinical = CatalogDocument.Example(contract, PayloadScopes.Clinical)!.DeepClone().AsObject();
        var ids = CatalogDocument.Example(contract, PayloadScopes.Ids)!;

        clinical["data"] = PayloadScopes.IdsOnly(clinical["data"]!.AsObject());

        JsonNode.DeepEquals(clinical, ids).Should().BeTrue($"the ids example of {contract.Name} is its clinical one through PayloadScopes.IdsOnly");
    }

    [Theory]
    [MemberData(nameof(CatalogDocument.FeedContracts), MemberType = typeof(CatalogDocument))]
    public void ExampleOf_WhenBuilt_ThenEveryPropertyNestedRecordAndListFilled(Type contract)
    {
        var empty = new List<string>();

        Empty(JsonSerializer.SerializeToNode(ContractExamples.ExampleOf(contract), contract, ContractJson.Options), contract.Name, empty);

        empty.Should().BeEmpty("an example shows every property with a value");
        ContractExamples.ExampleOf(contract).Should().BeEquivalentTo(ContractExamples.ExampleOf(contract), "examples are deterministic");
    }

    private static JsonObject Data(Type contract, string scope) => CatalogDocument.Example(contract, scope)!["data"]!.AsObject();

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static void Empty(JsonNode? node, string path, List<string> empty)
    {
        switch (node)
        {
            case null:
                empty.Add(path + " is null");
                break;
            case JsonArray { Count: 0 }:
                empty.Add(path + " is an empty list");
                break;
            case JsonArray items:
                for (var index = 0; index < items.Count; index++)
                    Empty(items[index], $"{path}[{index}]", empty);
                break;
            case JsonObject properties:
                foreach (var (name, value) in properties)
                    Empty(value, $"{path}.{name}", empty);
                break;
        }
    }
}
