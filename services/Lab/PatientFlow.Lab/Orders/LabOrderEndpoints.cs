using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders.Cancelling;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.Lab.Orders.Resulting;
using PatientFlow.Lab.Orders.Specimens;
using PatientFlow.Lab.Patients;
using PatientFlow.Lab.Visits;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Lab.Orders;

public static class LabOrderEndpoints
{
    public static IEndpointRouteBuilder MapLabOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var lab = app.MapGroup("/api/lab").RequireAuthorization(AccessPolicies.Lab).WithTags("Lab orders");
        lab.MapPost("/orders", PlaceOrder);
        lab.MapGet("/orders/{orderId:guid}", GetOrder);
        lab.MapPost("/orders/{orderId:guid}/cancellation", Cancel);
        lab.MapPost("/orders/{orderId:guid}/specimens", CollectSpecimen);
        lab.MapPost("/orders/{orderId:guid}/specimens/{specimenId:guid}/rejection", RejectSpecimen);
        lab.MapPost("/orders/{orderId:guid}/specimens/{specimenId:guid}/send-out", SendOut);
        lab.MapPost("/orders/{orderId:guid}/tests/{testCode}/result", RecordResult);
        lab.MapPost("/orders/{orderId:guid}/tests/{testCode}/amendment", AmendResult);
        lab.MapPost("/orders/{orderId:guid}/tests/{testCode}/acknowledgement", Acknowledge).RequireAuthorization(AccessPolicies.ResultReview);
        lab.MapGet("/specimens/{accessionId}", FindByAccession);
        lab.MapGet("/visits/{visitId:guid}/orders", GetVisitOrders);
        return app;
    }

    /// <summary>
    /// Orders tests for a visit. Where a test's reference range depends on sex or age, scheduling is asked for them
    /// (as the ordering user) and the range chosen is kept on the order; if it cannot answer, nothing is ordered (503).
    /// </summary>
    private static async Task<Created<LabOrderDetails>> PlaceOrder(
        PlaceLabOrder command, IDocumentSession session, LabCatalog catalog, IPatientDirectory patients, TimeProvider clock, HttpContext http,
        ILogger<LabOrder> logger, CancellationToken ct)
    {
        var visit = await LoadVisit(session, command.VisitId, ct);
        var tests = PlaceLabOrderDecider.Tests(catalog, command);
        var now = clock.GetUtcNow();
        var demographics = tests.Any(test => test.RangeDependsOnPatient)
            ? await patients.GetAsync(visit.PatientId, DateOnly.FromDateTime(now.UtcDateTime), http.Request.Headers.Authorization, ct)
            : null;
        var orderId = Guid.CreateVersion7();
        var events = PlaceLabOrderDecider.Decide(visit, tests, command, demographics, orderId, Who(http), now);
        session.Events.StartStream<LabOrder>(orderId, events);
        await session.SaveChangesAsync(ct);
        // A new stream's version is its number of events.
        StreamVersion.SetETag(http, events.Count);
        logger.LogInformation("Lab order {OrderId} placed for visit {VisitId} with {Count} tests", orderId, visit.VisitId, tests.Count);
        return TypedResults.Created($"/api/lab/orders/{orderId}", await LoadOrder(session, orderId, ct));
    }

    private static Task<Ok<LabOrderDetails>> Cancel(
        Guid orderId, CancelLabOrder command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<LabOrder> logger, CancellationToken ct) =>
        DecideAsync(orderId, session, http, logger, "cancelled", order => CancelLabOrderDecider.Decide(order, command, Who(http), clock.GetUtcNow()), ct);

    /// <summary>Records a collection and gives the specimen its accession number (in the answer's <c>specimens</c>).</summary>
    private static async Task<Created<LabOrderDetails>> CollectSpecimen(
        Guid orderId, CollectSpecimen command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<LabOrder> logger, CancellationToken ct)
    {
        var specimenId = Guid.CreateVersion7();
        var accession = new SpecimenAccession { OrderId = orderId, SpecimenId = specimenId };
        // The number is drawn now and stored with the event; a refused collection leaves a gap, never a duplicate.
        session.Store(accession);
        var details = await DecideAsync(orderId, session, http, logger, "specimen collected",
            order => SpecimenDeciders.Collect(order, command, specimenId, accession.Number, Who(http), clock.GetUtcNow()), ct);
        return TypedResults.Created($"/api/lab/specimens/{accession.Number}", details.Value!);
    }

    private static Task<Ok<LabOrderDetails>> RejectSpecimen(
        Guid orderId, Guid specimenId, RejectSpecimen command, IDocumentSession session, HttpContext http, TimeProvider clock,
        ILogger<LabOrder> logger, CancellationToken ct) =>
        DecideAsync(orderId, session, http, logger, "specimen rejected; recollection requested",
            order => SpecimenDeciders.Reject(order, specimenId, command, Who(http), clock.GetUtcNow()), ct);

    private static Task<Ok<LabOrderDetails>> SendOut(
        Guid orderId, Guid specimenId, SendOutSpecimen command, IDocumentSession session, HttpContext http, TimeProvider clock,
        ILogger<LabOrder> logger, CancellationToken ct) =>
        DecideAsync(orderId, session, http, logger, "specimen sent out", order => SpecimenDeciders.SendOut(order, specimenId, command, clock.GetUtcNow()), ct);

    private static Task<Ok<LabOrderDetails>> RecordResult(
        Guid orderId, string testCode, RecordLabResult command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<LabOptions> options, ILogger<LabOrder> logger, CancellationToken ct) =>
        DecideAsync(orderId, session, http, logger, "resulted", order => ResultDeciders.Record(
            order, testCode, command, new CriticalResultPolicy(options.Value.CriticalAcknowledgeWithin), Who(http), clock.GetUtcNow()), ct);

    private static Task<Ok<LabOrderDetails>> AmendResult(
        Guid orderId, string testCode, AmendLabResult command, IDocumentSession session, HttpContext http, TimeProvider clock,
        IOptions<LabOptions> options, ILogger<LabOrder> logger, CancellationToken ct) =>
        DecideAsync(orderId, session, http, logger, "result amended", order => ResultDeciders.Amend(
            order, testCode, command, new CriticalResultPolicy(options.Value.CriticalAcknowledgeWithin), Who(http), clock.GetUtcNow()), ct);

    private static Task<Ok<LabOrderDetails>> Acknowledge(
        Guid orderId, string testCode, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<LabOrder> logger, CancellationToken ct) =>
        DecideAsync(orderId, session, http, logger, "result acknowledged", order => ResultDeciders.Acknowledge(order, testCode, Who(http), clock.GetUtcNow()), ct);

    /// <summary>The order now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<LabOrderDetails>> GetOrder(
        Guid orderId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<LabOrderDetails>(orderId, asOf, http, ct) ?? throw UnknownOrder(orderId));

    /// <summary>The order a scanned specimen label belongs to.</summary>
    private static async Task<Ok<LabOrderDetails>> FindByAccession(string accessionId, IQuerySession session, CancellationToken ct)
    {
        var accession = SpecimenAccession.Parse(accessionId) is { } id ? await session.LoadAsync<SpecimenAccession>(id, ct) : null;
        return accession is null
            ? throw new NotFoundException($"no specimen has accession number {accessionId}")
            : TypedResults.Ok(await LoadOrder(session, accession.OrderId, ct));
    }

    private static async Task<Ok<IReadOnlyList<LabOrderDetails>>> GetVisitOrders(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        await LoadVisit(session, visitId, ct);
        var orders = await session.Query<LabOrderDetails>()
            .Where(order => order.VisitId == visitId)
            .OrderBy(order => order.OrderedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(orders);
    }

    /// <summary>One decision on one order (see <see cref="StreamCommands"/>); the answer is the order after it.</summary>
    private static async Task<Ok<LabOrderDetails>> DecideAsync(
        Guid orderId, IDocumentSession session, HttpContext http, ILogger logger, string what, Func<LabOrder, IReadOnlyList<object>> decide,
        CancellationToken ct)
    {
        var (order, _) = await session.DecideAsync(orderId, http, decide, () => UnknownOrder(orderId), ct);
        logger.LogInformation("Lab order {OrderId} for visit {VisitId}: {What}", orderId, order.VisitId, what);
        return TypedResults.Ok(await LoadOrder(session, orderId, ct));
    }

    /// <summary>The signed-in user (token subject): who collected, resulted, acknowledged.</summary>
    internal static string Who(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    private static async Task<Visit> LoadVisit(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<Visit>(visitId, ct) ?? throw new NotFoundException($"visit {visitId} is not known to lab");

    internal static async Task<LabOrderDetails> LoadOrder(IQuerySession session, Guid orderId, CancellationToken ct) =>
        await session.LoadAsync<LabOrderDetails>(orderId, ct) ?? throw UnknownOrder(orderId);

    private static NotFoundException UnknownOrder(Guid orderId) => new($"lab order {orderId} not found");
}
