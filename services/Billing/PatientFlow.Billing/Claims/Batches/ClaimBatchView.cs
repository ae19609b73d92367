namespace PatientFlow.Billing.Claims.Batches;

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
