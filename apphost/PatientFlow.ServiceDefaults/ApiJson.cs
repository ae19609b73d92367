using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientFlow.ServiceDefaults;

/// <summary>
/// The JSON of every service's HTTP API: web defaults (camelCase), enums as kebab-case strings, nullable annotations and
/// required constructor parameters respected (a body missing one is refused, naming it). Clients reading the API with
/// the services' own records (the tests do) use the same options, so a field the answer lacks fails the read.
/// </summary>
/// <remarks>
/// What PostgreSQL cannot keep is refused while the body is read (400 naming the field) instead of failing the commit: a
/// NUL character in a string. Bodies nest at most <see cref="MaxDepth"/> levels; no request of ours needs more.
/// </remarks>
public static class ApiJson
{
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new StorableTextConverter());
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = MaxDepth;
        return options;
    }

    /// <summary>Strings as System.Text.Json reads them, refusing a NUL (PostgreSQL's text and jsonb cannot hold one).</summary>
    private sealed class StorableTextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Storable(reader.GetString()!)
            // An empty message makes the serializer say what it says of any value of the wrong type, with the path.
            : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // Dictionary keys (copays by visit type) are stored too.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Storable(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string Storable(string text) =>
            text.Contains('\0', StringComparison.Ordinal) ? throw new UnstorableTextException("must not contain the NUL character (\\u0000)") : text;
    }
}

/// <summary>A string in a request body that cannot be stored (a NUL character): 400 naming the field.</summary>
public sealed class UnstorableTextException(string message) : JsonException(message);
