using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PatientFlow.Lab.Orders.Resulting;

/// <summary>A corrected value for a resulted test, with why.</summary>
public sealed record AmendLabResult(
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Value = null,
    string? Unit = null,
    string? Reason = null);

public static class AmendLabResultDecider
{
    /// <summary>POST /orders/{orderId}/tests/{testCode}/amendment</summary>
    public static Task<Ok<LabOrderDetails>> Handle(Guid orderId, string testCode, AmendLabResult command, LabOrderCommands commands, IOptions<LabOptions> options) =>
        commands.DecideAsync(orderId, (order, who, now) =>
            Decide(order, testCode, command, new CriticalResultPolicy(options.Value.CriticalAcknowledgeWithin), who, now));

    /// <summary>An amendment keeps the original, needs a reason and a different value, and asks for acknowledgement again (critical: with a new deadline).</summary>
    public static IReadOnlyList<object> Decide(
        LabOrder order, string testCode, AmendLabResult command, CriticalResultPolicy policy, string amendedBy, DateTimeOffset now)
    {
        var line = order.TestOrThrow(testCode);
        var original = line.Result ?? throw new ConflictException($"{line.Code} on lab order {order.Id} has no result to amend");
        var reason = ServiceDefaults.Problems.TextField.Required("reason", command.Reason, 200);
        var (value, flag) = ResultValues.Interpret(line, command.Value, command.Unit);
        if (ResultValues.SameValue(line.Test, value, original.Value))
        {
            throw new InvalidFieldException("value", "is the value already recorded");
        }

        var amended = new LabResultAmended(
            order.Id, order.VisitId, order.PatientId, line.Code, value, line.Test.Unit, flag, original.Value, original.Flag, reason, amendedBy, now);
        return LabFlag.IsCritical(flag)
            ? [amended, new CriticalResultFlagged(order.Id, order.VisitId, order.PatientId, line.Code, flag, now, now + policy.AcknowledgeWithin)]
            : [amended];
    }
}
