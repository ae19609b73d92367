using Microsoft.AspNetCore.Mvc;
using PatientFlow.Platform.Visits;

namespace PatientFlow.Lab.Orders.GettingDetails;

public static class LabOrderQueries
{
    /// <summary>GET /orders/{orderId}: the order now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    public static async Task<Ok<LabOrderDetails>> Get(Guid orderId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<LabOrderDetails>(orderId, asOf, http, ct) ?? throw LabOrder.NotFound(orderId));

    /// <summary>GET /specimens/{accessionId}: the order a scanned specimen label belongs to.</summary>
    public static async Task<Ok<LabOrderDetails>> FindByAccession(string accessionId, IQuerySession session, CancellationToken ct)
    {
        var accession = SpecimenAccession.Parse(accessionId) is { } id ? await session.LoadAsync<SpecimenAccession>(id, ct) : null;
        return accession is null
            ? throw new NotFoundException($"no specimen has accession number {accessionId}")
            : TypedResults.Ok(await LabOrderDetails.LoadAsync(session, accession.OrderId, ct));
    }

    /// <summary>GET /visits/{visitId}/orders: the visit's orders, oldest first.</summary>
    public static async Task<Ok<IReadOnlyList<LabOrderDetails>>> ForVisit(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        await Visit.LoadAsync(session, visitId, ct);
        var orders = await session.Query<LabOrderDetails>()
            .Where(order => order.VisitId == visitId)
            .OrderBy(order => order.OrderedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(orders);
    }
}
