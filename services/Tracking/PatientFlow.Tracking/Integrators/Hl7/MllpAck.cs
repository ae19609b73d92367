using System.Text;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>A receiver's acknowledgement of one message (its MSA segment).</summary>
/// <param name="Code">
/// MSA-1 (table 0008). Original mode: <c>AA</c> accepted, <c>AE</c> error, <c>AR</c> rejected. Enhanced mode commit:
/// <c>CA</c>, <c>CE</c>, <c>CR</c>.
/// </param>
/// <param name="ControlId">MSA-2: MSH-10 of the message acknowledged.</param>
/// <param name="Text">MSA-3, or else the first ERR segment's user message, diagnostic or error code text.</param>
public sealed record MllpAck(string Code, string? ControlId, string? Text)
{
    private static readonly string[] Codes = ["AA", "AE", "AR", "CA", "CE", "CR"];

    /// <summary>The receiver took the message (<c>AA</c>, <c>CA</c>).</summary>
    public bool Accepted => Code is "AA" or "CA";

    /// <summary>
    /// The receiver refused the message as such (<c>AR</c>, <c>CR</c>): its type, version or processing id, so sending it
    /// again will not help. In original mode a receiver may also answer AR when it is down; <see cref="Text"/> says which.
    /// </summary>
    public bool Rejected => Code is "AR" or "CR";

    /// <summary>Reads an ACK in ER7, with the delimiters its own MSH declares.</summary>
    /// <exception cref="InvalidDataException">No MSH, no MSA, or an MSA-1 outside table 0008.</exception>
    public static MllpAck Parse(string ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        // Receivers differ in line endings; every form of one ends a segment here.
        var segments = ack.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !segments[0].StartsWith("MSH", StringComparison.Ordinal) || segments[0].Length < 8)
        {
            throw new InvalidDataException("The acknowledgement does not start with an MSH segment.");
        }

        var header = segments[0];
        var delimiters = new Delimiters(header[3], header[4], header[5], header[6], header[7]);
        var msa = Fields(segments, "MSA", delimiters) ?? throw new InvalidDataException("The acknowledgement has no MSA segment.");
        var code = Value(msa, 1, delimiters);
        if (!Codes.Contains(code))
        {
            throw new InvalidDataException($"MSA-1 '{code}' is not an acknowledgement code (AA, AE, AR, CA, CE, CR).");
        }

        var err = Fields(segments, "ERR", delimiters) ?? [];
        // ERR-8 user message, ERR-7 diagnostic information, ERR-3.2 the HL7 error code's text.
        var text = new[] { Value(msa, 3, delimiters), Value(err, 8, delimiters), Value(err, 7, delimiters), Value(err, 3, delimiters, component: 2) }
            .FirstOrDefault(candidate => candidate.Length > 0);
        var controlId = Value(msa, 2, delimiters);
        return new MllpAck(code, controlId.Length > 0 ? controlId : null, text);
    }

    private sealed record Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent);

    private static string[]? Fields(string[] segments, string id, Delimiters delimiters) => segments
        .FirstOrDefault(segment => segment.StartsWith(id, StringComparison.Ordinal) && (segment.Length == 3 || segment[3] == delimiters.Field))
        ?.Split(delimiters.Field);

    private static string Value(string[] fields, int number, Delimiters delimiters, int component = 1)
    {
        var field = number < fields.Length ? fields[number] : "";
        var components = field.Split(delimiters.Component);
        return component <= components.Length ? Unescape(components[component - 1], delimiters) : "";
    }

    /// <summary>Undoes the delimiter and hex escapes; drops formatting escapes (<c>\.br\</c>, <c>\H\</c>) it cannot show.</summary>
    private static string Unescape(string value, Delimiters delimiters)
    {
        var text = new StringBuilder(value.Length);
        var at = 0;
        while (at < value.Length)
        {
            var end = value[at] == delimiters.Escape ? value.IndexOf(delimiters.Escape, at + 1) : -1;
            if (end < 0)
            {
                text.Append(value[at++]);
                continue;
            }

            var sequence = value[(at + 1)..end];
            text.Append(sequence switch
            {
                "F" => delimiters.Field.ToString(),
                "S" => delimiters.Component.ToString(),
                "E" => delimiters.Escape.ToString(),
                "R" => delimiters.Repetition.ToString(),
                "T" => delimiters.Subcomponent.ToString(),
                ['X', .. var hex] when hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit) => Encoding.UTF8.GetString(Convert.FromHexString(hex)),
                _ => "",
            });
            at = end + 1;
        }

        return text.ToString();
    }
}
