using Marten;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.ServiceDefaults.EventStore;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.Lab.Orders.Resulting;
using PatientFlow.Lab.Visits;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders;

public static class LabOrderEndpoints
{
    public static IEndpointRouteBuilder MapLabOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var lab = app.MapGroup("/api/lab").RequireAuthorization(AccessPolicies.Lab);
        lab.MapPost("/orders", OrderTest);
        lab.MapGet("/orders/{orderId:guid}", GetOrder);
        lab.MapPost("/orders/{orderId:guid}/result", RecordResult);
        lab.MapGet("/visits/{visitId:guid}/orders", GetVisitOrders);
        return app;
    }

    private static async Task<Created<LabOrderDetails>> OrderTest(
        OrderLabTest command, IDocumentSession session, LabCatalog catalog, TimeProvider clock, HttpContext http, ILogger<LabOrder> logger,
        CancellationToken ct)
    {
        var visit = await LoadVisit(session, command.VisitId, ct);
        var orderId = Guid.CreateVersion7();
        var events = OrderLabTestDecider.Decide(visit, catalog, command, orderId, clock.GetUtcNow());
        session.Events.StartStream<LabOrder>(orderId, events);
        await session.SaveChangesAsync(ct);
        // A new stream's version is its number of events: the tag to send with the result.
        StreamVersion.SetETag(http, events.Count);
        logger.LogInformation("Lab order {OrderId} placed for visit {VisitId}", orderId, visit.VisitId);
        return TypedResults.Created($"/api/lab/orders/{orderId}", await LoadOrder(session, orderId, ct));
    }

    /// <summary>
    /// Fetch (honouring If-Match) → decide → append → save. FetchForWriting checks the stream version at
    /// save, so of two racing results only one commits: the other gets 409. The answer carries the new ETag.
    /// </summary>
    private static async Task<Ok<LabOrderDetails>> RecordResult(
        Guid orderId, RecordLabResult command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<LabOrder> logger, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<LabOrder>(orderId, http, ct);
        var state = stream.Aggregate ?? throw UnknownOrder(orderId);
        stream.AppendMany(RecordLabResultDecider.Decide(state, command, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Lab order {OrderId} for visit {VisitId} resulted", orderId, state.VisitId);
        return TypedResults.Ok(await LoadOrder(session, orderId, ct));
    }

    /// <summary>The order now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<LabOrderDetails>> GetOrder(
        Guid orderId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<LabOrderDetails>(orderId, asOf, http, ct) ?? throw UnknownOrder(orderId));

    private static async Task<Ok<IReadOnlyList<LabOrderDetails>>> GetVisitOrders(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        await LoadVisit(session, visitId, ct);
        var orders = await session.Query<LabOrderDetails>()
            .Where(order => order.VisitId == visitId)
            .OrderBy(order => order.OrderedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(orders);
    }

    private static async Task<Visit> LoadVisit(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<Visit>(visitId, ct) ?? throw new NotFoundException($"visit {visitId} is not known to lab");

    private static async Task<LabOrderDetails> LoadOrder(IQuerySession session, Guid orderId, CancellationToken ct) =>
        await session.LoadAsync<LabOrderDetails>(orderId, ct) ?? throw UnknownOrder(orderId);

    private static NotFoundException UnknownOrder(Guid orderId) => new($"lab order {orderId} not found");
}
