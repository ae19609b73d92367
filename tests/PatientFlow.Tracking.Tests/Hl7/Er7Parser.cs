using System.Text;
using Er7Field = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<string>>>;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// A strict ER7 reader written from the v2.5.1 standard (chapter 2), sharing no code with the encoder under test:
/// delimiters come from MSH-1/2, every segment ends with CR, escapes are undone, and the result must satisfy
/// <see cref="Er7Profile"/> (known segments in the structure's order, required fields, valid times).
/// </summary>
public static class Er7Parser
{
    public static Er7Message Parse(string text)
    {
        var delimiters = Er7Delimiters.Read(text);
        if (!text.EndsWith('\r'))
        {
            throw new Er7FormatException("every segment, the last one too, ends with a carriage return");
        }

        var segments = text[..^1].Split('\r').Select(line => Segment(line, delimiters)).ToArray();
        var message = new Er7Message(delimiters, segments);
        Er7Profile.Check(message);
        return message;
    }

    private static Er7Segment Segment(string line, Er7Delimiters delimiters)
    {
        if (line.Any(c => char.IsControl(c)))
        {
            throw new Er7FormatException($"a raw control character (line feed, tab...) in segment '{Head(line)}'");
        }

        var id = line.Length >= 3 ? line[..3] : line;
        if (id.Length != 3 || (line.Length > 3 && line[3] != delimiters.Field))
        {
            throw new Er7FormatException($"'{Head(line)}' does not start with a three-character segment id and a field separator");
        }

        var raw = line.Split(delimiters.Field);
        var fields = new List<Er7Field> { Literal(id) };
        if (id == "MSH")
        {
            // MSH-1 is the separator just split on and MSH-2 the encoding characters: both taken as they stand.
            fields.Add(Literal(delimiters.Field.ToString()));
            fields.Add(Literal(raw[1]));
            fields.AddRange(raw.Skip(2).Select(field => Field(field, delimiters)));
        }
        else
        {
            fields.AddRange(raw.Skip(1).Select(field => Field(field, delimiters)));
        }

        return new Er7Segment(id, fields);
    }

    private static Er7Field Literal(string value) => [[[value]]];

    private static Er7Field Field(string raw, Er7Delimiters delimiters) =>
        raw.Split(delimiters.Repetition)
            .Select(repetition => (IReadOnlyList<IReadOnlyList<string>>)repetition.Split(delimiters.Component)
                .Select(component => (IReadOnlyList<string>)component.Split(delimiters.Subcomponent).Select(sub => Unescape(sub, delimiters)).ToArray())
                .ToArray())
            .ToArray();

    /// <summary>Delimiter escapes and hex data (bytes of UTF-8, as MSH-18 declares); any other escape is rejected.</summary>
    public static string Unescape(string value, Er7Delimiters delimiters)
    {
        var text = new StringBuilder();
        for (var at = 0; at < value.Length; at++)
        {
            if (value[at] != delimiters.Escape)
            {
                text.Append(value[at]);
                continue;
            }

            var end = value.IndexOf(delimiters.Escape, at + 1);
            if (end < 0)
            {
                throw new Er7FormatException($"unterminated escape sequence in '{value}'");
            }

            var sequence = value[(at + 1)..end];
            switch (sequence)
            {
                case "F": text.Append(delimiters.Field); break;
                case "S": text.Append(delimiters.Component); break;
                case "R": text.Append(delimiters.Repetition); break;
                case "E": text.Append(delimiters.Escape); break;
                case "T": text.Append(delimiters.Subcomponent); break;
                case ['X', .. var hex] when hex.Length > 0 && hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit):
                    text.Append(Encoding.UTF8.GetString(Convert.FromHexString(hex)));
                    break;
                default: throw new Er7FormatException($"escape sequence '{sequence}' is not allowed in this profile");
            }

            at = end;
        }

        return text.ToString();
    }

    private static string Head(string line) => line.Length > 12 ? line[..12] + "..." : line;
}
