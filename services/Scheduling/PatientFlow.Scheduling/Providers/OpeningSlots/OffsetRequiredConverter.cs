using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PatientFlow.Scheduling.Providers.OpeningSlots;

/// <summary>
/// A slot time without an offset would silently take the server's zone; the clinic must say which
/// instant it means ("2026-03-04T09:00:00-05:00" or "...Z").
/// </summary>
public sealed partial class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new JsonException("must be an ISO 8601 date and time with an offset");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T[^+\-Zz]*([Zz]|[+\-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
