using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders.Resulting;

/// <summary>The result of one test on the order: a number in the test's unit, or the reported text.</summary>
public sealed record RecordLabResult(
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Value = null,
    string? Unit = null,
    DateTimeOffset? ResultedAt = null);

/// <summary>A corrected value for a resulted test, with why.</summary>
public sealed record AmendLabResult(
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Value = null,
    string? Unit = null,
    string? Reason = null);

/// <summary>How long a clinician has to acknowledge a critical value before it escalates.</summary>
public sealed record CriticalResultPolicy(TimeSpan AcknowledgeWithin);

public static class ResultDeciders
{
    /// <summary>POST /orders/{orderId}/tests/{testCode}/result</summary>
    public static Task<Ok<LabOrderDetails>> HandleRecord(Guid orderId, string testCode, RecordLabResult command, LabOrderCommands commands, IOptions<LabOptions> options) =>
        commands.DecideAsync(orderId, (order, who, now) =>
            Record(order, testCode, command, new CriticalResultPolicy(options.Value.CriticalAcknowledgeWithin), who, now));

    /// <summary>POST /orders/{orderId}/tests/{testCode}/amendment</summary>
    public static Task<Ok<LabOrderDetails>> HandleAmend(Guid orderId, string testCode, AmendLabResult command, LabOrderCommands commands, IOptions<LabOptions> options) =>
        commands.DecideAsync(orderId, (order, who, now) =>
            Amend(order, testCode, command, new CriticalResultPolicy(options.Value.CriticalAcknowledgeWithin), who, now));

    /// <summary>POST /orders/{orderId}/tests/{testCode}/acknowledgement</summary>
    public static Task<Ok<LabOrderDetails>> HandleAcknowledge(Guid orderId, string testCode, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, who, now) => Acknowledge(order, testCode, who, now));

    public const int MaxTextLength = 200;

    /// <summary>
    /// A test is resulted once: in house after its specimen was collected, a send-out once the specimen went to the
    /// external lab. The flag follows the patient's reference range and the critical limits; a critical value is
    /// flagged for acknowledgement in the same commit.
    /// </summary>
    public static IReadOnlyList<object> Record(
        LabOrder order, string testCode, RecordLabResult command, CriticalResultPolicy policy, string resultedBy, DateTimeOffset now)
    {
        var line = order.TestOrThrow(testCode);
        var test = line.Test;
        var ready = test.Performed == Performed.InHouse ? LabTestStatus.Collected : LabTestStatus.SentOut;
        if (line.Status != ready)
        {
            throw new ConflictException(line.Status switch
            {
                LabTestStatus.Resulted => $"{test.Code} on lab order {order.Id} already has a result; amend it instead",
                LabTestStatus.Cancelled => $"{test.Code} on lab order {order.Id} was cancelled",
                LabTestStatus.AwaitingCollection => $"{test.Code} on lab order {order.Id} has no specimen yet",
                _ => $"{test.Code} is a send-out test: its specimen must be sent out before the external lab's result is recorded",
            });
        }

        var (value, flag) = Interpret(line, command.Value, command.Unit);
        var resultedAt = ClinicTime.Resolve("resultedAt", command.ResultedAt, now);
        if (resultedAt < order.OrderedAt)
        {
            throw new InvalidFieldException("resultedAt", "must not be before the order was placed");
        }

        var resulted = new LabResultRecorded(
            order.Id, order.VisitId, order.PatientId, test.Code, value, test.Unit, line.Ordered.Range?.ToString(), flag, test.BillingCode,
            line.AccessionId!, resultedBy, resultedAt);
        return LabFlag.IsCritical(flag)
            ? [resulted, new CriticalResultFlagged(order.Id, order.VisitId, order.PatientId, test.Code, flag, now, now + policy.AcknowledgeWithin)]
            : [resulted];
    }

    /// <summary>An amendment keeps the original, needs a reason and a different value, and asks for acknowledgement again (critical: with a new deadline).</summary>
    public static IReadOnlyList<object> Amend(
        LabOrder order, string testCode, AmendLabResult command, CriticalResultPolicy policy, string amendedBy, DateTimeOffset now)
    {
        var line = order.TestOrThrow(testCode);
        var original = line.Result ?? throw new ConflictException($"{line.Code} on lab order {order.Id} has no result to amend");
        var reason = ServiceDefaults.Problems.Text.Required("reason", command.Reason, 200);
        var (value, flag) = Interpret(line, command.Value, command.Unit);
        if (SameValue(line.Test, value, original.Value))
        {
            throw new InvalidFieldException("value", "is the value already recorded");
        }

        var amended = new LabResultAmended(
            order.Id, order.VisitId, order.PatientId, line.Code, value, line.Test.Unit, flag, original.Value, original.Flag, reason, amendedBy, now);
        return LabFlag.IsCritical(flag)
            ? [amended, new CriticalResultFlagged(order.Id, order.VisitId, order.PatientId, line.Code, flag, now, now + policy.AcknowledgeWithin)]
            : [amended];
    }

    /// <summary>A clinician acknowledges a result once (again after an amendment); for a critical value this stops the escalation clock.</summary>
    public static IReadOnlyList<object> Acknowledge(LabOrder order, string testCode, string acknowledgedBy, DateTimeOffset now)
    {
        var line = order.TestOrThrow(testCode);
        if (line.Result is null)
        {
            throw new ConflictException($"{line.Code} on lab order {order.Id} has no result to acknowledge");
        }

        return line.Acknowledged
            ? throw new ConflictException($"{line.Code} on lab order {order.Id} was already acknowledged")
            : [new LabResultAcknowledged(order.Id, order.VisitId, order.PatientId, line.Code, line.Critical is not null, acknowledgedBy, now)];
    }

    private static bool SameValue(LabTest test, string value, string original) => test.Kind == ResultKind.Numeric
        ? decimal.Parse(value, CultureInfo.InvariantCulture) == decimal.Parse(original, CultureInfo.InvariantCulture)
        : string.Equals(value, original, StringComparison.OrdinalIgnoreCase);

    private static (string Value, string Flag) Interpret(TestLine line, string? value, string? unit) =>
        line.Test.Kind == ResultKind.Numeric ? Numeric(line, value, unit) : Text(line.Test, value, unit);

    private static (string Value, string Flag) Numeric(TestLine line, string? entered, string? unit)
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

    private static (string Value, string Flag) Text(LabTest test, string? entered, string? unit)
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
