using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims.Batches;

public sealed record CreateBatch(string? PayerId = null);

public sealed record AcknowledgeBatch(IReadOnlyList<RejectedClaim>? Rejected = null);

public static class BatchEndpoints
{
    public const string X12MediaType = "application/edi-x12";

    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/billing/batches").RequireAuthorization(AccessPolicies.Billing).WithTags("Claim batches (837P)");
        batches.MapPost("/", Create);
        batches.MapGet("/", List);
        batches.MapGet("/{batchId:guid}", Get);
        batches.MapGet("/{batchId:guid}/837", Download);
        batches.MapPost("/{batchId:guid}/acknowledgement", Acknowledge);
        return app;
    }

    /// <summary>
    /// Batches the payer's ready claims into one 837P: the batch and every claim's submission commit together, each claim
    /// at the version it was read, so a claim changed meanwhile fails the whole batch (409) and nothing is half-sent.
    /// </summary>
    private static async Task<Created<BatchSummary>> Create(
        CreateBatch command, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<ClaimBatch> logger, CancellationToken ct)
    {
        var payerId = Text.Required("payerId", command.PayerId, 80);
        var ready = await session.Query<Claim>()
            .Where(c => c.Status == ClaimStatus.Ready && c.Coverage!.PayerId == payerId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => c.ClaimId)
            .Take(BatchDecisions.MaxClaimsPerBatch)
            .ToListAsync(ct);
        var claims = new List<(Claim Claim, long Version)>();
        foreach (var id in ready)
        {
            if (await ClaimDesk.LoadAsync(session, id, ct) is ({ Status: ClaimStatus.Ready } claim, var version))
            {
                claims.Add((claim, version));
            }
        }

        var batchId = Guid.CreateVersion7();
        var control = new InterchangeNumber { BatchId = batchId };
        session.Store(control);
        var context = desk.Context(http.User.Identity?.Name ?? "unknown");
        var (batch, claimEvents) = BatchDecisions.Create(payerId, [.. claims.Select(c => c.Claim)], batchId, control.Id, desk.Parties, context);
        foreach (var (claim, version) in claims)
        {
            var events = claimEvents[claim.ClaimId];
            session.Events.Append(claim.ClaimId, version + events.Count, [.. events]);
        }

        session.Events.StartStream<ClaimBatch>(batchId, batch);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Batch {BatchId} for payer {PayerId}: {ClaimCount} claims, interchange {ControlNumber}", batchId, payerId, claims.Count, control.Id);
        return TypedResults.Created($"/api/billing/batches/{batchId}", BatchSummary.From(ClaimBatch.Create(batch)));
    }

    /// <summary>A payer's batches (or every payer's), newest first.</summary>
    private static async Task<Ok<IReadOnlyList<BatchSummary>>> List(IQuerySession session, CancellationToken ct, string? payerId = null, int limit = 100)
    {
        var query = session.Query<ClaimBatch>().AsQueryable();
        if (payerId is { Length: > 0 })
        {
            query = query.Where(b => b.PayerId == payerId);
        }

        var found = await query.OrderByDescending(b => b.CreatedAt).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<BatchSummary>>([.. found.Select(BatchSummary.From)]);
    }

    private static async Task<Ok<ClaimBatchView>> Get(Guid batchId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(ClaimBatchView.From(await LoadAsync(session, batchId, ct)));

    /// <summary>The 837P exactly as batched, as a file named by its interchange control number.</summary>
    private static async Task<FileContentHttpResult> Download(Guid batchId, IQuerySession session, CancellationToken ct)
    {
        var batch = await LoadAsync(session, batchId, ct);
        return TypedResults.File(Encoding.ASCII.GetBytes(batch.Content), X12MediaType, $"837P-{batch.PayerId}-{batch.ControlNumber}.x12");
    }

    /// <summary>Records the clearinghouse's acknowledgement: the claims named are rejected with their reasons, the rest accepted.</summary>
    private static async Task<Ok<ClaimBatchView>> Acknowledge(
        Guid batchId, AcknowledgeBatch command, IDocumentSession session, ClaimDesk desk, HttpContext http, ILogger<ClaimBatch> logger, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ClaimBatch>(batchId, ct);
        var batch = stream.Aggregate ?? throw new NotFoundException($"batch {batchId} not found");
        var context = desk.Context(http.User.Identity?.Name ?? "unknown");
        var acknowledged = BatchDecisions.Acknowledge(batch, command.Rejected ?? [], context);
        stream.AppendOne(acknowledged);
        var reasons = acknowledged.Rejected.ToDictionary(r => r.ClaimId, r => r.Reason.Trim());
        foreach (var claimId in batch.ClaimIds)
        {
            await desk.DecideAsync(session, claimId, (claim, _) => ClaimDecisions.Acknowledge(claim, batchId, reasons.GetValueOrDefault(claimId), context.Now), ct);
        }

        await session.SaveChangesAsync(ct);
        logger.LogInformation("Batch {BatchId} acknowledged: {Accepted} accepted, {Rejected} rejected", batchId, acknowledged.Accepted.Count, acknowledged.Rejected.Count);
        return TypedResults.Ok(ClaimBatchView.From(batch.Apply(acknowledged)));
    }

    private static async Task<ClaimBatch> LoadAsync(IQuerySession session, Guid batchId, CancellationToken ct) =>
        await session.LoadAsync<ClaimBatch>(batchId, ct) ?? throw new NotFoundException($"batch {batchId} not found");
}

/// <summary>A batch with its claims and acknowledgement; the file itself is at <c>/837</c>.</summary>
public sealed record ClaimBatchView(
    Guid BatchId, string PayerId, string PayerName, string ControlNumber, IReadOnlyList<Guid> ClaimIds, IReadOnlyList<string> ClaimNumbers,
    decimal TotalCharge, string Currency, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, IReadOnlyList<Guid> Accepted,
    IReadOnlyList<RejectedClaim> Rejected)
{
    public static ClaimBatchView From(ClaimBatch b) => new(
        b.BatchId, b.PayerId, b.PayerName, b.ControlNumber, b.ClaimIds, b.ClaimNumbers, b.TotalCharge, b.Currency, b.CreatedBy, b.CreatedAt,
        b.AcknowledgedAt, b.Accepted, b.Rejected);
}
