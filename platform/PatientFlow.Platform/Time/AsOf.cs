using System.Globalization;
using System.Text.RegularExpressions;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Time;

/// <summary>
/// <c>?asOf=</c>: answer with what PatientFlow knew at that instant (system time, the events'
/// RecordedAt), rebuilt from the events. A back-dated correction entered later does not show in an
/// earlier answer, which is what an audit of "what did we show then" needs.
/// </summary>
public static partial class AsOf
{
    public const string Parameter = "asOf";

    /// <summary>Null when absent; an ISO 8601 instant with a UTC offset otherwise (422 naming <c>asOf</c>).</summary>
    public static DateTimeOffset? Parse(string? value) => ParseInstant(Parameter, value);

    /// <summary>Null when absent; an ISO 8601 instant with a UTC offset otherwise (422 naming <paramref name="field"/>).</summary>
    public static DateTimeOffset? ParseInstant(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!WithOffset().IsMatch(value) ||
            !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new InvalidFieldException(field, "must be an ISO 8601 instant with a UTC offset, e.g. 2026-11-23T09:30:00Z");
        }

        return instant;
    }

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
