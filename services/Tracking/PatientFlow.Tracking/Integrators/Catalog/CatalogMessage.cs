using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>One contract's part of the AsyncAPI document: its message and its two <c>data</c> schemas.</summary>
internal sealed record CatalogMessage(Type Contract, long ExamplePosition)
{
    public const string SchemasPath = "#/components/schemas/";

    /// <summary>The message's key and name: the CloudEvents <c>type</c>.</summary>
    public string Name => CloudEventEnvelope.TypeOf(Contract);

    /// <summary>The key of the clinical <c>data</c> schema; the ids one adds <c>.ids</c>.</summary>
    public string SchemaName => ContractSteps.NameOf(Contract);

    public string IdsSchemaName => SchemaName + "." + PayloadScopes.Ids;

    public JsonObject ClinicalSchema() => ContractSchemas.Clinical(Contract, SchemasPath + SchemaName);

    public JsonObject Message()
    {
        var summary = ContractDocs.Summary(Contract);
        var message = new JsonObject
        {
            ["name"] = Name,
            ["title"] = Contract.Name,
            ["contentType"] = CloudEventEnvelope.ContentType,
            ["tags"] = new JsonArray(new JsonObject { ["name"] = SchemaName.Split('.')[0] }),
            ["payload"] = Payload(),
            ["examples"] = Examples(),
        };
        // A contract without a summary is left without one here; the catalog's tests name it.
        if (summary is not null)
            message.Insert(2, "summary", summary);
        return message;
    }

    private JsonObject Payload() => new()
    {
        ["allOf"] = new JsonArray(
            new JsonObject { ["$ref"] = SchemasPath + EventCatalog.EnvelopeSchemaName },
            new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["const"] = Name },
                    ["source"] = new JsonObject { ["const"] = CloudEventEnvelope.SourceOf(Contract) },
                    ["data"] = new JsonObject
                    {
                        ["description"] = $"`{SchemaName}` in the subscription's scope: `{SchemaName}` (clinical) or `{IdsSchemaName}` (ids).",
                        ["anyOf"] = new JsonArray(
                            new JsonObject { ["$ref"] = SchemasPath + SchemaName },
                            new JsonObject { ["$ref"] = SchemasPath + IdsSchemaName }),
                    },
                },
            }),
    };

    private JsonArray Examples()
    {
        var example = (IVisitEvent)ContractExamples.ExampleOf(Contract);
        var clinical = JsonSerializer.SerializeToNode(example, Contract, ContractJson.Options)!.AsObject();
        // The envelope names the visit's clinic even for events whose data does not: the example visit's.
        var clinic = ExampleValues.Text(Contract, "Clinic");
        return new JsonArray(
            Example(PayloadScopes.Clinical, "The whole contract.", CloudEventEnvelope.Wrap(example, clinical, ExamplePosition, clinic)),
            Example(PayloadScopes.Ids, "Identifiers and times only.", CloudEventEnvelope.Wrap(example, PayloadScopes.IdsOnly(clinical), ExamplePosition, clinic)));
    }

    private static JsonObject Example(string name, string summary, JsonObject payload) =>
        new() { ["name"] = name, ["summary"] = $"`{name}` scope: {summary}", ["payload"] = payload };
}
