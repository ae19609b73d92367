using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientFlow.Tracking.Journeys;

/// <summary>
/// How a contract is kept in its journey step and becomes a CloudEvent's <c>data</c>: System.Text.Json web defaults (camelCase names), enums as
/// kebab-case strings as on the platform's HTTP API, nulls written rather than omitted. Deliveries and the AsyncAPI
/// document use these same options, so the published schemas describe what subscribers receive.
/// </summary>
public static class ContractJson
{
    /// <summary>The read-only options; serialize <c>data</c> with them.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Web defaults also read numbers written as strings; the feed only writes JSON numbers, and the exported
            // schema would otherwise announce "string or integer" for every number.
            NumberHandling = JsonNumberHandling.Strict,
            // Neither changes what is written. They make the exported schema say which properties are required and
            // which may be null, and make reading reject a payload that breaks the contract.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
