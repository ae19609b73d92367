using System.Globalization;
using JasperFx;
using PatientFlow.Billing.X12;

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
    DateTimeOffset CreatedAt) : IStreamState
{
    public static Exception NotFound(Guid streamId) => new NotFoundException($"batch {streamId} not found");


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
