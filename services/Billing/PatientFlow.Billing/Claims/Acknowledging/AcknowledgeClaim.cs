namespace PatientFlow.Billing.Claims.Acknowledging;

public static class AcknowledgeClaimDecider
{
    /// <summary>The acknowledgement (277CA) for a submitted claim of this batch: accepted, or rejected with the reason.</summary>
    public static IReadOnlyList<object> Decide(Claim claim, Guid batchId, string? rejection, DateTimeOffset now)
    {
        if (claim.Status != ClaimStatus.Submitted || claim.BatchId != batchId)
        {
            throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status} and not awaiting acknowledgement in batch {batchId}", "status");
        }

        return rejection is null
            ? [new ClaimAccepted(claim.ClaimId, claim.VisitId, claim.PatientId, batchId, now)]
            : [new ClaimRejected(claim.ClaimId, claim.VisitId, claim.PatientId, batchId, rejection, now)];
    }
}
