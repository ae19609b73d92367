using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Scrubbing;

namespace PatientFlow.Billing.Claims.Scrubbing;

public static class ScrubClaimDecider
{
    /// <summary>POST /claims/{id}/scrub</summary>
    public static Task<Ok<Claim>> Handle(Guid claimId, ClaimCommands commands, ClaimContexts contexts, IQuerySession session, CancellationToken ct) =>
        commands.DecideAsync(claimId, async (claim, who, now) => Decide(claim, await ClaimContexts.PrimaryCoverageAsync(session, claim.PatientId, ct), contexts.For(who, now)));

    /// <summary>Scrubs the claim against the patient's primary coverage as it is now; blocking edits keep it out of batches.</summary>
    public static IReadOnlyList<object> Decide(Claim claim, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Ready or ClaimStatus.Rejected))
        {
            throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}: only a claim not yet with the payer is scrubbed", "status");
        }

        return [ScrubClaimDecider.Scrubbed(claim, primary, context)];
    }

    /// <summary>The scrubber's findings on the claim as it would be billed to <paramref name="primary"/> now.</summary>
    public static ClaimScrubbed Scrubbed(Claim claim, CoverageOnFile? primary, ClaimContext context)
    {
        var billed = primary is null ? null : ClaimAs837P.Billed(primary, claim.DateOfService);
        var period = billed is null ? null : new CoveragePeriod(billed.EffectiveFrom, billed.EffectiveTo, billed.Active);
        var edits = ClaimScrubber.Scrub(context.Provider, ClaimAs837P.ToProfessional(claim, billed), period, context.Today).ToList();
        if (billed is null)
        {
            // Without coverage every subscriber field is empty; one finding says why.
            edits.RemoveAll(e => e.Code.StartsWith("subscriber-", StringComparison.Ordinal) || e.Code == "coverage-inactive");
            edits.Insert(0, new ClaimEdit("coverage-inactive", EditSeverity.Blocking, "coverage", "the patient has no coverage on file: register it, or bill the patient"));
        }
        else if (billed.Subscriber.Relationship != SubscriberRelationship.Self)
        {
            edits.Add(new ClaimEdit(
                "subscriber-relationship", EditSeverity.Blocking, "coverage.relationship",
                "the patient is a dependant of the subscriber; PatientFlow sends subscriber-is-patient claims only, so bill this one outside the batch"));
        }

        return new ClaimScrubbed(claim.ClaimId, billed, edits, context.Now);
    }
}
