namespace PatientFlow.Billing.Claims.Submitting;

public static class SubmitClaimDecider
{
    /// <summary>A ready claim enters a batch; a claim with a blocking edit never does.</summary>
    public static IReadOnlyList<object> Decide(Claim claim, Guid batchId, long interchangeControlNumber, ClaimContext context) =>
        claim.Status == ClaimStatus.Ready && !claim.Blocked && claim.Coverage is not null
            ? [new ClaimSubmitted(claim.ClaimId, claim.VisitId, claim.PatientId, batchId, interchangeControlNumber, context.By, context.Now)]
            : throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}{(claim.Blocked ? " with blocking edits" : "")}: only a ready claim is batched", "status");
}
