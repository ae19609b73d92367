using System.Text.RegularExpressions;

namespace PatientFlow.EndToEnd.Tests.Fuzzing;

internal enum ValueKind
{
    Unknown,
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}

internal sealed record ApiParameter(string Name, ValueKind Kind, string? Format)
{
    public bool IsGuid => Format == "uuid";
}

/// <summary>One operation of a service's OpenAPI document.</summary>
/// <param name="Role">The first role the operation's description admits ("Roles: …"); null for an anonymous route.</param>
/// <param name="BodyFields">The request body's top-level properties; null when the route takes no body.</param>
internal sealed record ApiRoute(
    string Service, string Method, string Template, string? Role, IReadOnlyList<ApiParameter> PathParameters,
    IReadOnlyList<ApiParameter> QueryParameters, IReadOnlyList<ApiParameter>? BodyFields, ValueKind BodyKind)
{
    public bool IsRead => Method is "GET" or "HEAD";

    public bool TakesBody => BodyFields is not null;

    /// <summary>
    /// Whether a request with a valid token can be refused for its input alone: a read writes nothing, a body is always made
    /// invalid, a path always names nothing. A command with neither body nor path parameter gets bad tokens only.
    /// </summary>
    public bool RefusableWithValidToken => IsRead || TakesBody || PathParameters.Count > 0;

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>The services' route tables, from the OpenAPI documents each serves under the gateway.</summary>
internal static partial class ApiRoutes
{
    public static readonly string[] Services = ["scheduling", "intake", "lab", "referral", "billing", "tracking"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    public static async Task<IReadOnlyList<ApiRoute>> ReadAsync(HttpClient anonymous)
    {
        var routes = new List<ApiRoute>();
        foreach (var service in Services)
        {
            using var document = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/{service}/openapi/v1.json"));
            var schemas = document.RootElement.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
                {
                    routes.Add(Route(service, path.Name, operation.Name.ToUpperInvariant(), operation.Value, schemas));
                }
            }
        }

        return routes;
    }

    private static ApiRoute Route(string service, string template, string method, JsonElement operation, JsonElement schemas)
    {
        var role = operation.TryGetProperty("description", out var description) && RolesLine().Match(description.GetString() ?? "") is { Success: true } roles
            ? roles.Groups[1].Value.Split(", ")[0]
            : null;
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        IReadOnlyList<ApiParameter> Of(string where) => [.. parameters
            .Where(p => p.GetProperty("in").GetString() == where)
            .Select(p => Parameter(p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var schema) ? schema : default, schemas))];

        IReadOnlyList<ApiParameter>? body = null;
        var bodyKind = ValueKind.Unknown;
        if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
        {
            var schema = content.EnumerateObject().Select(c => c.Value.TryGetProperty("schema", out var sc) ? sc : default).FirstOrDefault();
            var resolved = Resolve(schema, schemas);
            bodyKind = Kind(resolved, schemas);
            body = resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("properties", out var properties)
                ? [.. properties.EnumerateObject().Select(p => Parameter(p.Name, p.Value, schemas))]
                : [];
        }

        return new ApiRoute(service, method, template, role, Of("path"), Of("query"), body, bodyKind);
    }

    private static ApiParameter Parameter(string name, JsonElement schema, JsonElement schemas)
    {
        var resolved = Resolve(schema, schemas);
        return new ApiParameter(name, Kind(resolved, schemas), resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("format", out var f) ? f.GetString() : null);
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(name, out var target) ? target : default;
        }

        return schema;
    }

    private static ValueKind Kind(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return ValueKind.Unknown;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var name = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
                : type.GetString();
            return name switch
            {
                "string" => ValueKind.String,
                "integer" => ValueKind.Integer,
                "number" => ValueKind.Number,
                "boolean" => ValueKind.Boolean,
                "array" => ValueKind.Array,
                "object" => ValueKind.Object,
                _ => ValueKind.Unknown,
            };
        }

        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(choice, out var options))
            {
                return options.EnumerateArray().Select(o => Kind(Resolve(o, schemas), schemas)).FirstOrDefault(k => k != ValueKind.Unknown);
            }
        }

        return schema.TryGetProperty("properties", out _) ? ValueKind.Object : ValueKind.Unknown;
    }

    [GeneratedRegex(@"^Roles: ([^.]+)\.")]
    private static partial Regex RolesLine();
}
