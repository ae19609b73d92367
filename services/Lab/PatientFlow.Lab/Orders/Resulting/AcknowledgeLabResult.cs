using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PatientFlow.Lab.Orders.Resulting;

public static class AcknowledgeLabResultDecider
{
    /// <summary>POST /orders/{orderId}/tests/{testCode}/acknowledgement</summary>
    public static Task<Ok<LabOrderDetails>> Handle(Guid orderId, string testCode, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, who, now) => Decide(order, testCode, who, now));

    /// <summary>A clinician acknowledges a result once (again after an amendment); for a critical value this stops the escalation clock.</summary>
    public static IReadOnlyList<object> Decide(LabOrder order, string testCode, string acknowledgedBy, DateTimeOffset now)
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
}
