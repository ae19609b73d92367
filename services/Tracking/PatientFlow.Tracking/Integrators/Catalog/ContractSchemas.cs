using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// JSON schemas of a contract's <c>data</c>, exported from the serializer's own contract metadata
/// (<see cref="ContractJson.Options"/>) so they cannot drift from what is written, and described from the XML docs.
/// </summary>
internal static class ContractSchemas
{
    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        // The payload itself and list elements carry no nullability annotation; the feed never writes null for them.
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Describe,
    };

    /// <summary>The clinical-scope schema, to be placed at <paramref name="location"/> (a JSON pointer fragment such as <c>#/components/schemas/x</c>).</summary>
    public static JsonObject Clinical(Type contract, string location)
    {
        var schema = ContractJson.Options.GetJsonSchemaAsNode(contract, Exporter).AsObject();
        Relocate(schema, location);
        return schema;
    }

    /// <summary>The ids-scope schema: the clinical schema's properties that <see cref="PayloadScopes.KeepsInIds"/> keeps.</summary>
    public static JsonObject Ids(JsonObject clinical)
    {
        var properties = new JsonObject();
        foreach (var (name, schema) in clinical["properties"]!.AsObject())
            if (PayloadScopes.KeepsInIds(name))
                properties[name] = schema?.DeepClone();
        var required = clinical["required"]?.AsArray()
            .Select(name => name!.GetValue<string>())
            .Where(PayloadScopes.KeepsInIds)
            .Select(name => (JsonNode?)name) ?? [];
        return new JsonObject
        {
            ["description"] = $"`ids` scope: {clinical["description"]?.GetValue<string>()} Identifiers and times only; the clinical properties are left out.",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required]),
        };
    }

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        var description = context.PropertyInfo?.AttributeProvider is MemberInfo property
            ? ContractDocs.Summary(property)
            : ContractDocs.Summary(context.TypeInfo.Type);
        if (description is not null && schema is JsonObject described)
            described.Insert(0, "description", description);
        return schema;
    }

    // A recursive type is exported as a "$ref" back to its first occurrence, relative to the schema's own root
    // ("#/properties/.."); inside the AsyncAPI document that root is the schema's place under components.
    private static void Relocate(JsonNode? node, string location)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is ['#', .. var pointer])
                    schema["$ref"] = location + pointer;
                foreach (var (_, child) in schema)
                    Relocate(child, location);
                break;
            case JsonArray items:
                foreach (var child in items)
                    Relocate(child, location);
                break;
        }
    }
}
