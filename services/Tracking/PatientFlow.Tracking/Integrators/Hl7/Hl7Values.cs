using System.Globalization;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>The v2.5.1 data types PatientFlow writes, each as one escaped ER7 value.</summary>
internal static class Hl7Values
{
    /// <summary>Assigning authority (HD namespace id) of every PatientFlow identifier.</summary>
    public const string Authority = "PatientFlow";

    /// <summary>
    /// DTM with the offset the time carries: <c>20261123091500-0500</c>. Seconds always; a fraction only when
    /// there is one, to the tenth of a millisecond (DTM's four digits); the clock digits are local to the offset.
    /// </summary>
    public static string Time(DateTimeOffset? at)
    {
        if (at is not { } time)
        {
            return "";
        }

        var text = time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var fraction = time.Ticks % TimeSpan.TicksPerSecond / 1000;
        if (time.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            text += "." + fraction.ToString("D4", CultureInfo.InvariantCulture);
        }

        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return text + sign + Math.Abs(offset.Hours).ToString("D2", CultureInfo.InvariantCulture)
            + Math.Abs(offset.Minutes).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>The platform's ids as integrators see them in events and APIs (36 characters, with hyphens).</summary>
    public static string Id(Guid id) => id.ToString("D");

    /// <summary>CX with assigning authority and identifier type: <c>id^^^PatientFlow^PI</c> (table 0203: PI patient, VN visit).</summary>
    public static string Identifier(Guid id, string typeCode) => Er7.Components(Id(id), "", "", Authority, typeCode);

    /// <summary>EI: an entity (appointment, order) with PatientFlow as its namespace.</summary>
    public static string Entity(Guid id) => Er7.Components(Id(id), Authority);

    /// <summary>EI for an id another system minted (the lab's accession number).</summary>
    public static string Entity(string? id) => string.IsNullOrEmpty(id) ? "" : Er7.Components(Er7.Text(id), Authority);

    /// <summary>XCN by id only (XCN-1 and XCN-9): tracking holds no provider names.</summary>
    public static string Person(Guid? id) => id is { } known ? Er7.Components(Id(known), "", "", "", "", "", "", "", Authority) : "";

    /// <summary>PL: point of care (the clinic) and room.</summary>
    public static string Location(string? clinic, string? room) => Er7.Components(Er7.Text(clinic), Er7.Text(room));

    /// <summary>CE: identifier, text, coding system, then optionally an alternate identifier in a local system.</summary>
    public static string Coded(string code, string? text, string system, string? localCode = null) =>
        Er7.Components(Er7.Text(code), Er7.Text(text), system, Er7.Text(localCode), "", localCode is null ? "" : "L");

    /// <summary>CE for a UCUM unit (OBX-6, SCH-10); empty for a unitless value.</summary>
    public static string Unit(string? ucum) => string.IsNullOrEmpty(ucum) ? "" : Coded(ucum, null, "UCUM");

    /// <summary>Whole minutes between two times, or null when either is unknown.</summary>
    public static int? Minutes(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } from && end is { } to && to >= from ? (int)Math.Round((to - from).TotalMinutes) : null;

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
