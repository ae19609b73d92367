using System.Text.Json.Nodes;
using PatientFlow.Tracking.Integrators.Catalog;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Catalog;

/// <summary>The generated AsyncAPI document as an integrator parses it, generated once for all catalog tests.</summary>
internal static class CatalogDocument
{
    private static readonly Lazy<JsonObject> Parsed = new(() => JsonNode.Parse(EventCatalog.GenerateJson())!.AsObject());

    public static JsonObject Root => Parsed.Value;

    public static SchemaChecker Checker => new(Root);

    public static TheoryData<Type> FeedContracts => new(EventCatalog.FeedContracts);

    public static JsonObject? Message(Type contract) =>
        Root["components"]?["messages"]?[CloudEventEnvelope.TypeOf(contract)] as JsonObject;

    public static JsonObject? Schema(Type contract, string scope) =>
        Root["components"]?["schemas"]?[scope == PayloadScopes.Ids ? $"{ContractSteps.NameOf(contract)}.ids" : ContractSteps.NameOf(contract)] as JsonObject;

    /// <summary>The message's example envelope of a scope (named after it).</summary>
    public static JsonObject? Example(Type contract, string scope) =>
        Message(contract)?["examples"]?.AsArray().FirstOrDefault(example => example?["name"]?.GetValue<string>() == scope)?["payload"] as JsonObject;
}
