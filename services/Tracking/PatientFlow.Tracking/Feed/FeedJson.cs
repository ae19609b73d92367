using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientFlow.Tracking.Feed;

/// <summary>How an integration event is written as feed data: camelCase names, enums as strings, nulls kept.</summary>
public static class FeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonElement ToElement(object contract) => JsonSerializer.SerializeToElement(contract, contract.GetType(), Options);
}
