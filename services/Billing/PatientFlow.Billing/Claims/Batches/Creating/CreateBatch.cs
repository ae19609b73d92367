using PatientFlow.Billing.Claims.Submitting;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims.Batches.Creating;

public sealed record CreateBatch(string? PayerId = null);

public static class CreateBatchDecider
{
    public const int MaxClaimsPerBatch = 500;

    /// <summary>
    /// POST /batches: batches the payer's ready claims into one 837P. Each claim is fetched under its stream's lock (in id
    /// order, so two batches cannot deadlock) and the batch and every claim's submission commit together: nothing is half-sent.
    /// </summary>
    public static async Task<Created<BatchSummary>> Handle(
        CreateBatch command, IDocumentSession session, ClaimContexts contexts, HttpContext http, ILogger<ClaimBatch> logger, CancellationToken ct)
    {
        var payerId = TextField.Required("payerId", command.PayerId, 80);
        var ready = await session.Query<Claim>()
            .Where(c => c.Status == ClaimStatus.Ready && c.Coverage!.PayerId == payerId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => c.ClaimId)
            .Take(MaxClaimsPerBatch)
            .ToListAsync(ct);
        var claims = new List<JasperFx.Events.IEventStream<Claim>>();
        foreach (var id in ready.Order())
        {
            if (await session.FetchForDecidingAsync<Claim>(id, null, ct) is { Aggregate.Status: ClaimStatus.Ready } claim)
            {
                claims.Add(claim);
            }
        }

        var batchId = Guid.CreateVersion7();
        var control = new InterchangeNumber { BatchId = batchId };
        session.Store(control);
        var oldestFirst = claims.OrderBy(c => c.Aggregate!.CreatedAt).ToList();
        var (batch, claimEvents) = Decide(
            payerId, [.. oldestFirst.Select(c => c.Aggregate!)], batchId, control.Id, contexts.Parties, contexts.For(http.User.Identity?.Name ?? "unknown"));
        foreach (var claim in oldestFirst)
        {
            claim.AppendMany(claimEvents[claim.Id]);
        }

        await session.StartAsync<ClaimBatch>(batchId, http, [batch], ct);
        logger.LogInformation("Batch {BatchId} for payer {PayerId}: {ClaimCount} claims, interchange {ControlNumber}", batchId, payerId, claims.Count, control.Id);
        return TypedResults.Created($"/api/billing/batches/{batchId}", BatchSummary.From(ClaimBatch.Create(batch)));
    }

    /// <summary>
    /// Batches every ready claim for one payer (up to <see cref="MaxClaimsPerBatch"/>, oldest first): the batch's
    /// event with the 837P, and each claim's submission. Claims of another payer or with blocking edits are refused.
    /// </summary>
    public static (BatchCreated Batch, IReadOnlyDictionary<Guid, IReadOnlyList<object>> ClaimEvents) Decide(
        string payerId, IReadOnlyList<Claim> claims, Guid batchId, long interchangeControlNumber, BatchParties parties, ClaimContext context)
    {
        if (claims.Count == 0)
        {
            throw new ConflictException($"payer {payerId} has no ready claim to batch", "payerId");
        }

        var foreign = claims.FirstOrDefault(c => c.Coverage?.PayerId != payerId);
        if (foreign is not null)
        {
            throw new ConflictException($"claim {foreign.ClaimNumber} is billed to {foreign.Coverage?.PayerId ?? "no payer"}, not {payerId}", "payerId");
        }

        var currency = claims[0].Currency;
        var submitted = claims.ToDictionary(c => c.ClaimId, c => SubmitClaimDecider.Decide(c, batchId, interchangeControlNumber, context));
        var batch = new Batch837P(
            parties.Submitter, parties.Receiver, parties.BillingProvider,
            [.. claims.Select(c => ClaimAs837P.ToProfessional(c, c.Coverage))],
            interchangeControlNumber, interchangeControlNumber, batchId.ToString("N")[..20].ToUpperInvariant(), context.Now, parties.Production);
        var created = new BatchCreated(
            batchId, payerId, claims[0].Coverage!.PayerName, [.. claims.Select(c => c.ClaimId)], [.. claims.Select(c => c.ClaimNumber)],
            interchangeControlNumber, claims.Sum(c => c.TotalCharge), currency, Writer837P.Write(batch), context.By, context.Now);
        return (created, submitted);
    }
}
