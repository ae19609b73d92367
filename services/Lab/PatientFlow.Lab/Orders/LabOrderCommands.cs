using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders;

/// <summary>
/// Every command on an existing order, on the shared <see cref="StreamCommands"/> path; the decision is told who is signed in
/// (who collected, resulted, acknowledged) and when, and the answer is the order after it.
/// </summary>
public sealed class LabOrderCommands(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock, ILogger<LabOrder> logger)
{
    public async Task<Ok<LabOrderDetails>> DecideAsync(Guid orderId, string what, Func<LabOrder, string, DateTimeOffset, IReadOnlyList<object>> decide)
    {
        var context = http.HttpContext!;
        var ct = context.RequestAborted;
        var (order, _) = await session.DecideAsync<LabOrder>(orderId, context, order => decide(order, Who(context), clock.GetUtcNow()), () => UnknownOrder(orderId), ct);
        logger.LogInformation("Lab order {OrderId} for visit {VisitId}: {What}", orderId, order.VisitId, what);
        return TypedResults.Ok(await LabOrderDetails.LoadAsync(session, orderId, ct));
    }

    /// <summary>The signed-in user (token subject).</summary>
    public static string Who(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    public static NotFoundException UnknownOrder(Guid orderId) => new($"lab order {orderId} not found");
}
