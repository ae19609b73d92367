using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PatientFlow.Lab.Orders.Resulting;

public static class ResultValues
{
    public const int MaxTextLength = 200;

    public static bool SameValue(LabTest test, string value, string original) => test.Kind == ResultKind.Numeric
        ? decimal.Parse(value, CultureInfo.InvariantCulture) == decimal.Parse(original, CultureInfo.InvariantCulture)
        : string.Equals(value, original, StringComparison.OrdinalIgnoreCase);

    public static (string Value, string Flag) Interpret(TestLine line, string? value, string? unit) =>
        line.Test.Kind == ResultKind.Numeric ? Numeric(line, value, unit) : Textual(line.Test, value, unit);

    public static (string Value, string Flag) Numeric(TestLine line, string? entered, string? unit)
    {
        var test = line.Test;
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (!decimal.TryParse(entered, styles, CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidFieldException("value", $"must be a number in {test.Unit}");
        }

        // Every numeric test in the catalog measures an amount or a ratio.
        if (number < 0)
        {
            throw new InvalidFieldException("value", "must not be negative");
        }

        if (!string.IsNullOrWhiteSpace(unit) && !string.Equals(unit.Trim(), test.Unit, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("unit", $"must be {test.Unit}, the unit {test.Code} is reported in");
        }

        return (number.ToString(CultureInfo.InvariantCulture), test.Flag(number, line.Ordered.Range));
    }

    public static (string Value, string Flag) Textual(LabTest test, string? entered, string? unit)
    {
        var text = entered?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            throw new InvalidFieldException("value", $"must be the reported text, 1 to {MaxTextLength} characters");
        }

        if (!string.IsNullOrWhiteSpace(unit))
        {
            throw new InvalidFieldException("unit", $"must be empty: {test.Code} has a text result");
        }

        return (text, test.Flag(text));
    }
}
