using PatientFlow.Billing.Claims.Acknowledging;

namespace PatientFlow.Billing.Claims.Batches.Acknowledging;

public sealed record AcknowledgeBatch(IReadOnlyList<RejectedClaim>? Rejected = null);

public static class AcknowledgeBatchDecider
{
    /// <summary>
    /// POST /batches/{id}/acknowledgement: records the clearinghouse's acknowledgement; the claims named are rejected with their
    /// reasons, the rest accepted, in one commit with the batch's event.
    /// </summary>
    public static async Task<Ok<ClaimBatchView>> Handle(
        Guid batchId, AcknowledgeBatch command, BatchCommands commands, IDocumentSession session, ClaimContexts contexts, CancellationToken ct)
    {
        var (batch, events) = await commands.AppendAsync(batchId, async (batch, who, now) =>
        {
            var acknowledged = Decide(batch, command.Rejected ?? [], contexts.For(who, now));
            var reasons = acknowledged.Rejected.ToDictionary(r => r.ClaimId, r => r.Reason.Trim());
            foreach (var claimId in batch.ClaimIds.Order())
            {
                await session.AppendAsync<Claim>(
                    claimId, claim => Task.FromResult(AcknowledgeClaimDecider.Decide(claim!, batchId, reasons.GetValueOrDefault(claimId), now)),
                    () => Claim.NotFound(claimId), ct);
            }

            return [acknowledged];
        });
        return TypedResults.Ok(ClaimBatchView.From(batch.Apply((BatchAcknowledged)events[0])));
    }

    /// <summary>The acknowledgement, once per batch; claims not named as rejected are accepted.</summary>
    public static BatchAcknowledged Decide(ClaimBatch batch, IReadOnlyList<RejectedClaim> rejected, ClaimContext context)
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

            TextField.Required($"rejected[{i}].reason", rejected[i].Reason, 500);
        }

        var rejectedIds = rejected.Select(r => r.ClaimId).ToHashSet();
        return new BatchAcknowledged(batch.BatchId, [.. batch.ClaimIds.Where(id => !rejectedIds.Contains(id))], rejected, context.By, context.Now);
    }
}
