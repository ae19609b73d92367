using Microsoft.AspNetCore.Mvc;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Lab.Orders.Turnaround;

/// <summary>A critical value waiting for a clinician, most urgent first.</summary>
public sealed record PendingCriticalResult(
    Guid OrderId, Guid VisitId, Guid PatientId, string TestCode, string TestName, string Flag, DateTimeOffset FlaggedAt, DateTimeOffset AcknowledgeBy, DateTimeOffset? EscalatedAt);

public static class WorklistEndpoints
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(92);

    public static IEndpointRouteBuilder MapLabWorklistEndpoints(this IEndpointRouteBuilder app)
    {
        var lab = app.MapGroup("/api/lab").RequireAuthorization(AccessPolicies.Lab).WithTags("Lab worklists and turnaround");
        lab.Audited("lab-order");
        lab.MapGet("/critical-results", PendingCriticalResults).RequireAuthorization(AccessPolicies.LabView);
        lab.MapGet("/turnaround", Summary).RequireAuthorization(AccessPolicies.LabView).HoldsNoPhi();
        lab.MapGet("/orders/{orderId:guid}/turnaround", OrderTurnaround).RequireAuthorization(AccessPolicies.LabView)
            .RequireClinicOf("orderId", LabClinics.OrderAsync, LabOrder.NotFound);
        return app;
    }

    /// <summary>Critical values of the caller's clinics awaiting acknowledgement.</summary>
    private static async Task<Ok<IReadOnlyList<PendingCriticalResult>>> PendingCriticalResults(IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        var orders = await LabClinics.VisibleAsync(session, scope, await session.Query<LabOrderDetails>().Where(o => o.AwaitsCriticalAcknowledgement).ToListAsync(ct), ct);
        return TypedResults.Ok<IReadOnlyList<PendingCriticalResult>>(
        [
            .. orders.SelectMany(o => o.Tests
                    .Where(t => t.Critical is not null && t.AcknowledgedAt is null)
                    .Select(t => new PendingCriticalResult(
                        o.OrderId, o.VisitId, o.PatientId, t.TestCode, t.TestName, t.Critical!.Flag, t.Critical.FlaggedAt, t.Critical.AcknowledgeBy, t.Critical.EscalatedAt)))
                .OrderBy(r => r.AcknowledgeBy),
        ]);
    }

    /// <summary>Per test code, over orders placed in [from, to) (default: the last 7 days), at most 92 days.</summary>
    private static async Task<Ok<IReadOnlyList<TestTurnaroundSummary>>> Summary(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? testCode, IQuerySession session, TimeProvider clock, ClinicScope scope,
        CancellationToken ct)
    {
        var until = Instant("to", to) ?? clock.GetUtcNow();
        var since = Instant("from", from) ?? until - TimeSpan.FromDays(7);
        if (since >= until || until - since > MaxWindow)
        {
            throw new InvalidFieldException("from", $"must be before 'to' and at most {MaxWindow.TotalDays} days earlier");
        }

        var orders = await LabClinics.VisibleAsync(
            session, scope, await session.Query<LabOrderDetails>().Where(o => o.OrderedAt >= since && o.OrderedAt < until).ToListAsync(ct), ct);
        return TypedResults.Ok(TurnaroundReport.Summarise(orders, testCode));
    }

    private static async Task<Ok<IReadOnlyList<TestTurnaround>>> OrderTurnaround(Guid orderId, IQuerySession session, CancellationToken ct)
    {
        var order = await LabOrderDetails.LoadAsync(session, orderId, ct);
        return TypedResults.Ok<IReadOnlyList<TestTurnaround>>([.. order.Tests.Select(t => TestTurnaround.Of(order, t))]);
    }

    private static DateTimeOffset? Instant(string field, string? value)
    {
        try
        {
            return AsOf.Parse(value);
        }
        catch (InvalidFieldException)
        {
            throw new InvalidFieldException(field, "must be an ISO 8601 instant with a UTC offset, e.g. 2026-03-04T09:00:00Z");
        }
    }
}
