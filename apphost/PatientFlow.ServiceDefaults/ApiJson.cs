using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientFlow.ServiceDefaults;

/// <summary>
/// The JSON of every service's HTTP API: web defaults (camelCase), enums as kebab-case strings, nullable annotations and
/// required constructor parameters respected (a body missing one is refused, naming it). Clients reading the API with
/// the services' own records (the tests do) use the same options, so a field the answer lacks fails the read.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }
}
