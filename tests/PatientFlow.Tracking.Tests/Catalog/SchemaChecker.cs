using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PatientFlow.Tracking.Tests.Catalog;

/// <summary>
/// A structural JSON Schema checker for the subset the catalog emits: <c>type</c>, <c>properties</c>,
/// <c>required</c>, <c>items</c>, <c>format</c>, <c>enum</c>, <c>const</c>, <c>pattern</c>, <c>allOf</c>,
/// <c>anyOf</c> and local <c>$ref</c>s into <paramref name="document"/>. An unknown format is an error, so a schema
/// the checker does not understand cannot pass unnoticed.
/// </summary>
internal sealed partial class SchemaChecker(JsonNode document)
{
    /// <summary>What is wrong with <paramref name="instance"/>, one line per problem with its JSON path; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(JsonNode? instance, JsonNode? schema, string path = "$")
    {
        var errors = new List<string>();
        Check(instance, schema, path, errors);
        return errors;
    }

    /// <summary>The node a local reference such as <c>#/components/schemas/x</c> points to, or null.</summary>
    public JsonNode? Resolve(string reference) =>
        reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[2..].Split('/').Aggregate((JsonNode?)document, (node, segment) =>
                node is JsonObject parent ? parent[segment.Replace("~1", "/").Replace("~0", "~")] : null)
            : null;

    private void Check(JsonNode? instance, JsonNode? schemaNode, string path, List<string> errors)
    {
        if (schemaNode is not JsonObject schema)
            return;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            if (Resolve(reference) is { } target) Check(instance, target, path, errors);
            else errors.Add($"{path}: unresolvable $ref {reference}");
        }
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
            Check(instance, part, path, errors);
        if (schema["anyOf"] is JsonArray options && !options.Any(option => Check(instance, option, path).Count == 0))
            errors.Add($"{path}: matches none of anyOf: {string.Join("; ", options.SelectMany(option => Check(instance, option, path)))}");
        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, instance))
            errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not the constant {constant.ToJsonString()}");
        if (schema["enum"] is JsonArray choices && !choices.Any(choice => JsonNode.DeepEquals(choice, instance)))
            errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not one of {choices.ToJsonString()}");
        if (schema["type"] is { } type && !TypesOf(type).Any(name => IsOfType(instance, name)))
        {
            errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not of type {type.ToJsonString()}");
            return;
        }
        switch (instance)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckText(value.GetValue<string>(), schema, path, errors);
                break;
            case JsonObject properties:
                foreach (var required in schema["required"]?.AsArray() ?? [])
                    if (!properties.ContainsKey(required!.GetValue<string>()))
                        errors.Add($"{path}: required property {required.GetValue<string>()} is missing");
                foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
                    if (properties.TryGetPropertyValue(name, out var property))
                        Check(property, propertySchema, $"{path}.{name}", errors);
                break;
            case JsonArray items when schema["items"] is { } itemSchema:
                for (var index = 0; index < items.Count; index++)
                    Check(items[index], itemSchema, $"{path}[{index}]", errors);
                break;
        }
    }

    private static void CheckText(string text, JsonObject schema, string path, List<string> errors)
    {
        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern))
            errors.Add($"{path}: \"{text}\" does not match {pattern}");
        if (schema["format"]?.GetValue<string>() is not { } format)
            return;
        var valid = format switch
        {
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "date-time" => Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => false,
        };
        if (!valid)
            errors.Add($"{path}: \"{text}\" is not a valid {format} (or the checker does not know that format)");
    }

    private static IEnumerable<string> TypesOf(JsonNode type) =>
        type is JsonArray names ? names.Select(name => name!.GetValue<string>()) : [type.GetValue<string>()];

    private static bool IsOfType(JsonNode? instance, string type) => (type, instance?.GetValueKind()) switch
    {
        ("null", null or JsonValueKind.Null) => true,
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => instance!.GetValue<decimal>() % 1 == 0,
        _ => false,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
