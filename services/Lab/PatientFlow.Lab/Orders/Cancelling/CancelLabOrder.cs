namespace PatientFlow.Lab.Orders.Cancelling;

public sealed record CancelLabOrder(string? Reason = null);

public static class CancelLabOrderDecider
{
    /// <summary>POST /orders/{orderId}/cancellation</summary>
    public static Task<Ok<LabOrderDetails>> Handle(Guid orderId, CancelLabOrder command, LabOrderCommands commands) =>
        commands.DecideAsync(orderId, (order, who, now) => Decide(order, command, who, now));

    /// <summary>Cancels every test not yet resulted; resulted tests stand (and stay billed). Nothing left to cancel is a conflict.</summary>
    public static IReadOnlyList<object> Decide(LabOrder order, CancelLabOrder command, string cancelledBy, DateTimeOffset now)
    {
        var reason = TextField.Required("reason", command.Reason, 200);
        var open = order.Tests.Where(line => line.Status is not (LabTestStatus.Resulted or LabTestStatus.Cancelled)).Select(line => line.Code).ToList();
        return open.Count == 0
            ? throw new ConflictException($"lab order {order.Id} has no test left to cancel: each is resulted or cancelled")
            : [new LabOrderCancelled(order.Id, order.VisitId, order.PatientId, open, reason, cancelledBy, now)];
    }
}
