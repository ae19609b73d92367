using System.Text;

namespace PatientFlow.Audit.Reports;

/// <summary>CSV as RFC 4180 has it: CRLF after every record, a field quoted when it holds a comma, quote, CR or LF, quotes doubled.</summary>
public static class Rfc4180
{
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> records)
    {
        var csv = new StringBuilder();
        foreach (var record in records.Prepend(header))
        {
            csv.AppendJoin(',', record.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
