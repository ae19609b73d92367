using System.Globalization;
using JasperFx;
using PatientFlow.Billing.X12;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims.Batches;

/// <summary>
/// An 837P batch for one payer: the claims it carries, its interchange control number (ISA13, also GS06) and the
/// file exactly as sent, so what the clearinghouse received can always be shown again.
/// </summary>
public sealed record BatchCreated(
    Guid BatchId,
    string PayerId,
    string PayerName,
    IReadOnlyList<Guid> ClaimIds,
    IReadOnlyList<string> ClaimNumbers,
    long InterchangeControlNumber,
    decimal TotalCharge,
    string Currency,
    string Content,
    string CreatedBy,
    DateTimeOffset CreatedAt);

public sealed record RejectedClaim(Guid ClaimId, string Reason);

/// <summary>The batch's acknowledgement (999/277CA): each claim accepted or rejected.</summary>
public sealed record BatchAcknowledged(Guid BatchId, IReadOnlyList<Guid> Accepted, IReadOnlyList<RejectedClaim> Rejected, string By, DateTimeOffset At);

public sealed record ClaimBatch(
    [property: Identity] Guid BatchId,
    string PayerId,
    string PayerName,
    IReadOnlyList<Guid> ClaimIds,
    IReadOnlyList<string> ClaimNumbers,
    long InterchangeControlNumber,
    decimal TotalCharge,
    string Currency,
    string Content,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public DateTimeOffset? AcknowledgedAt { get; init; }

    public IReadOnlyList<Guid> Accepted { get; init; } = [];

    public IReadOnlyList<RejectedClaim> Rejected { get; init; } = [];

    public string ControlNumber => InterchangeControlNumber.ToString("D9", CultureInfo.InvariantCulture);

    public static ClaimBatch Create(BatchCreated e) => new(
        e.BatchId, e.PayerId, e.PayerName, e.ClaimIds, e.ClaimNumbers, e.InterchangeControlNumber, e.TotalCharge, e.Currency, e.Content,
        e.CreatedBy, e.CreatedAt);

    public ClaimBatch Apply(BatchAcknowledged e) => this with { AcknowledgedAt = e.At, Accepted = e.Accepted, Rejected = e.Rejected };
}

/// <summary>What a batch list shows: everything but the file.</summary>
public sealed record BatchSummary(
    Guid BatchId, string PayerId, string PayerName, string ControlNumber, int ClaimCount, decimal TotalCharge, string Currency, DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt, int Rejected)
{
    public static BatchSummary From(ClaimBatch b) => new(
        b.BatchId, b.PayerId, b.PayerName, b.ControlNumber, b.ClaimIds.Count, b.TotalCharge, b.Currency, b.CreatedAt, b.AcknowledgedAt, b.Rejected.Count);
}

/// <summary>Who sends and who receives the 837P, and the billing provider on every claim (<c>Billing:Claims</c>).</summary>
public sealed record BatchParties(Submitter Submitter, Receiver Receiver, BillingProvider BillingProvider, bool Production);

public static class BatchDecisions
{
    public const int MaxClaimsPerBatch = 500;

    /// <summary>
    /// Batches every ready claim for one payer (up to <see cref="MaxClaimsPerBatch"/>, oldest first): the batch's
    /// event with the 837P, and each claim's submission. Claims of another payer or with blocking edits are refused.
    /// </summary>
    public static (BatchCreated Batch, IReadOnlyDictionary<Guid, IReadOnlyList<object>> ClaimEvents) Create(
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
        var submitted = claims.ToDictionary(c => c.ClaimId, c => ClaimDecisions.Submit(c, batchId, interchangeControlNumber, context));
        var batch = new Batch837P(
            parties.Submitter, parties.Receiver, parties.BillingProvider,
            [.. claims.Select(c => ClaimDecisions.ToProfessional(c, c.Coverage))],
            interchangeControlNumber, interchangeControlNumber, batchId.ToString("N")[..20].ToUpperInvariant(), context.Now, parties.Production);
        var created = new BatchCreated(
            batchId, payerId, claims[0].Coverage!.PayerName, [.. claims.Select(c => c.ClaimId)], [.. claims.Select(c => c.ClaimNumber)],
            interchangeControlNumber, claims.Sum(c => c.TotalCharge), currency, Writer837P.Write(batch), context.By, context.Now);
        return (created, submitted);
    }

    /// <summary>The acknowledgement, once per batch; claims not named as rejected are accepted.</summary>
    public static BatchAcknowledged Acknowledge(ClaimBatch batch, IReadOnlyList<RejectedClaim> rejected, ClaimContext context)
    {
        if (batch.AcknowledgedAt is not null)
        {
            throw new ConflictException($"batch {batch.ControlNumber} was acknowledged at {batch.AcknowledgedAt:u}", "batch");
        }

        for (var i = 0; i < rejected.Count; i++)
        {
            if (!batch.ClaimIds.Contains(rejected[i].ClaimId))
            {
                throw new InvalidFieldException($"rejected[{i}].claimId", $"claim {rejected[i].ClaimId} is not in batch {batch.ControlNumber}");
            }

            Text.Required($"rejected[{i}].reason", rejected[i].Reason, 500);
        }

        var rejectedIds = rejected.Select(r => r.ClaimId).ToHashSet();
        return new BatchAcknowledged(batch.BatchId, [.. batch.ClaimIds.Where(id => !rejectedIds.Contains(id))], rejected, context.By, context.Now);
    }
}
