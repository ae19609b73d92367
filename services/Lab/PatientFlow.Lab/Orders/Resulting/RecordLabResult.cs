using System.Globalization;
using System.Text.Json.Serialization;
using PatientFlow.Lab.Catalog;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.Lab.Orders.Resulting;

/// <summary>Record the result of an order: a number in the test's unit, or the reported text.</summary>
public sealed record RecordLabResult(
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Value = null,
    string? Unit = null,
    DateTimeOffset? ResultedAt = null);

public static class RecordLabResultDecider
{
    public const int MaxTextLength = 200;

    public static IReadOnlyList<object> Decide(LabOrder state, RecordLabResult command, DateTimeOffset now)
    {
        state.EnsureAwaitingResult();
        var test = state.Test;
        var (value, flag) = test.Kind == ResultKind.Numeric ? Numeric(test, command) : Text(test, command);
        var resultedAt = ResultedAt(state, command.ResultedAt, now);
        return [new LabResultRecorded(state.Id, state.VisitId, state.PatientId, test.Code, value, test.Unit, flag, test.BillingCode, resultedAt)];
    }

    private static (string Value, string Flag) Numeric(LabTest test, RecordLabResult command)
    {
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (!decimal.TryParse(command.Value?.Trim(), styles, CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidFieldException("value", $"must be a number in {test.Unit}");
        }

        // Every numeric test in the catalog measures an amount or a ratio.
        if (number < 0)
        {
            throw new InvalidFieldException("value", "must not be negative");
        }

        if (!string.IsNullOrWhiteSpace(command.Unit) && !string.Equals(command.Unit.Trim(), test.Unit, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidFieldException("unit", $"must be {test.Unit}, the unit {test.Code} is reported in");
        }

        return (number.ToString(CultureInfo.InvariantCulture), test.Flag(number));
    }

    private static (string Value, string Flag) Text(LabTest test, RecordLabResult command)
    {
        var text = command.Value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            throw new InvalidFieldException("value", $"must be the reported text, 1 to {MaxTextLength} characters");
        }

        if (!string.IsNullOrWhiteSpace(command.Unit))
        {
            throw new InvalidFieldException("unit", $"must be empty: {test.Code} has a text result");
        }

        return (text, test.Flag(text));
    }

    private static DateTimeOffset ResultedAt(LabOrder state, DateTimeOffset? entered, DateTimeOffset now) =>
        ClinicTime.Resolve("resultedAt", entered, now) is var at && at < state.OrderedAt
            ? throw new InvalidFieldException("resultedAt", "must not be before the order was placed")
            : at;
}
