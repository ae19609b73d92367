using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PatientFlow.Lab.Orders.Resulting;

/// <summary>The result of one test on the order: a number in the test's unit, or the reported text.</summary>
public sealed record RecordLabResult(
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Value = null,
    string? Unit = null,
    DateTimeOffset? ResultedAt = null);

/// <summary>How long a clinician has to acknowledge a critical value before it escalates.</summary>
public sealed record CriticalResultPolicy(TimeSpan AcknowledgeWithin);

public static class RecordLabResultDecider
{
    /// <summary>POST /orders/{orderId}/tests/{testCode}/result</summary>
    public static Task<Ok<LabOrderDetails>> Handle(Guid orderId, string testCode, RecordLabResult command, LabOrderCommands commands, IOptions<LabOptions> options) =>
        commands.DecideAsync(orderId, (order, who, now) =>
            Decide(order, testCode, command, new CriticalResultPolicy(options.Value.CriticalAcknowledgeWithin), who, now));

    /// <summary>
    /// A test is resulted once: in house after its specimen was collected, a send-out once the specimen went to the
    /// external lab. The flag follows the patient's reference range and the critical limits; a critical value is
    /// flagged for acknowledgement in the same commit.
    /// </summary>
    public static IReadOnlyList<object> Decide(
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

        var (value, flag) = ResultValues.Interpret(line, command.Value, command.Unit);
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
}
