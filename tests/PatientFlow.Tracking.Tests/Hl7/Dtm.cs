using System.Globalization;
using System.Text.RegularExpressions;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// DTM as this profile requires it: YYYYMMDDHHMMSS[.S[S[S[S]]]]+/-ZZZZ. The standard lets precision stop earlier and
/// the offset go; PatientFlow promises both, so a time without seconds or offset is rejected.
/// </summary>
public static partial class Dtm
{
    public static DateTimeOffset Parse(string value)
    {
        var match = Pattern().Match(value);
        if (!match.Success)
        {
            throw new Er7FormatException($"'{value}' is not a DTM with seconds and an offset");
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var (offsetHours, offsetMinutes) = (Part("oh"), Part("om"));
        if (offsetHours > 14 || offsetMinutes > 59)
        {
            throw new Er7FormatException($"'{value}' has an offset beyond +/-14:00");
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        var fraction = match.Groups["fraction"].Value.PadRight(4, '0');
        try
        {
            var clock = new DateTime(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), DateTimeKind.Unspecified);
            return new DateTimeOffset(clock.AddTicks(int.Parse(fraction, CultureInfo.InvariantCulture) * 1000L), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new Er7FormatException($"'{value}' is not a date and time of the calendar");
        }
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?<month>[0-9]{2})(?<day>[0-9]{2})(?<hour>[0-9]{2})(?<minute>[0-9]{2})(?<second>[0-9]{2})(\.(?<fraction>[0-9]{1,4}))?(?<sign>[+-])(?<oh>[0-9]{2})(?<om>[0-9]{2})$")]
    private static partial Regex Pattern();
}
