using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientFlow.Platform.Messaging;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// The AsyncAPI 3.0.0 document of the visit-event feed, generated from the integration event contracts: one message
/// per contract in its CloudEvents envelope, with the <c>data</c> schemas of both scopes and examples. Checked in as
/// <c>docs/integrators/asyncapi.json</c>; the output is deterministic so that copy only changes with a contract.
/// </summary>
public static class EventCatalog
{
    internal const string EnvelopeSchemaName = "CloudEvent";
    private const string Channel = "visitEvents";

    // An arbitrary mid-feed position, so the examples show a realistic sequence value.
    private const long FirstExamplePosition = 1_048_576;

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The document is read by people: keep quotes and apostrophes in descriptions as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The contracts the feed carries: every platform integration event that belongs to a visit, by event name.</summary>
    public static IReadOnlyList<Type> FeedContracts { get; } = PlatformTopology.AllIntegrationEvents
        .Where(typeof(IVisitEvent).IsAssignableFrom)
        .OrderBy(ContractSteps.NameOf, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The document as a JSON tree.</summary>
    public static JsonObject Generate()
    {
        var messages = FeedContracts.Select((contract, index) => new CatalogMessage(contract, FirstExamplePosition + index)).ToArray();
        var schemas = new JsonObject { [EnvelopeSchemaName] = CloudEventEnvelope.Schema() };
        foreach (var message in messages)
        {
            var clinical = message.ClinicalSchema();
            schemas[message.SchemaName] = clinical;
            schemas[message.IdsSchemaName] = ContractSchemas.Ids(clinical);
        }
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "PatientFlow visit events",
                ["version"] = "1.0.0",
                ["description"] = FeedDescription.Text.ReplaceLineEndings("\n"),
            },
            ["defaultContentType"] = CloudEventEnvelope.ContentType,
            ["channels"] = new JsonObject
            {
                [Channel] = new JsonObject
                {
                    ["address"] = "visit-events",
                    ["title"] = "Visit events",
                    ["description"] = "Every event of every visit, in feed order.",
                    ["messages"] = References(messages, message => "#/components/messages/" + message.Name),
                },
            },
            ["operations"] = new JsonObject
            {
                ["receiveVisitEvents"] = new JsonObject
                {
                    ["action"] = "receive",
                    ["channel"] = new JsonObject { ["$ref"] = $"#/channels/{Channel}" },
                    ["summary"] = "A subscriber receives the visit events of its subscription, in feed order.",
                    ["messages"] = new JsonArray([.. messages.Select(message => Reference($"#/channels/{Channel}/messages/{message.Name}"))]),
                    ["security"] = new JsonArray(Reference($"#/components/securitySchemes/{FeedSecurity.SchemeName}")),
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject { [FeedSecurity.SchemeName] = FeedSecurity.Scheme() },
                ["messages"] = new JsonObject(messages.Select(message => KeyValuePair.Create(message.Name, (JsonNode?)message.Message()))),
            },
        };
    }

    /// <summary>The document as indented JSON with <c>\n</c> line endings and a final newline: the checked-in file's content.</summary>
    public static string GenerateJson() => Generate().ToJsonString(Written) + "\n";

    private static JsonObject References(IEnumerable<CatalogMessage> messages, Func<CatalogMessage, string> target) =>
        new(messages.Select(message => KeyValuePair.Create(message.Name, (JsonNode?)Reference(target(message)))));

    private static JsonObject Reference(string target) => new() { ["$ref"] = target };
}
