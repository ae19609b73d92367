using PatientFlow.Billing.Claims.Coding;
using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Billing.Coverage;

namespace PatientFlow.Billing.Claims.Correcting;

public static class CorrectClaimDecider
{
    /// <summary>POST /claims/{id}/correction</summary>
    public static Task<Ok<Claim>> Handle(Guid claimId, ClaimCoding coding, ClaimCommands commands, ClaimContexts contexts, IQuerySession session, CancellationToken ct) =>
        commands.DecideAsync(claimId, async (claim, who, now) =>
            Decide(claim, coding, await ClaimContexts.PrimaryCoverageAsync(session, claim.PatientId, ct), contexts.For(who, now)));

    /// <summary>
    /// Replaces an adjudicated claim with a corrected one (frequency 7, naming the payer's claim number), recoded when
    /// <paramref name="coding"/> is given and carrying any held late charges; then scrubbed.
    /// </summary>
    public static IReadOnlyList<object> Decide(Claim claim, ClaimCoding coding, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.Status is not (ClaimStatus.Paid or ClaimStatus.PartiallyPaid or ClaimStatus.Denied) || claim.Adjudication is not { } adjudicated)
        {
            throw new ConflictException(
                claim.Status == ClaimStatus.Rejected
                    ? $"claim {claim.ClaimNumber} was rejected before adjudication: recode it and it is sent again as an original"
                    : $"claim {claim.ClaimNumber} is {claim.Status}: only an adjudicated claim is corrected",
                "status");
        }

        var reason = TextField.Required("reason", coding.Reason, 500);
        List<object> events = [];
        var replacement = new ClaimReplacementStarted(claim.ClaimId, claim.VisitId, claim.PatientId, adjudicated.PayerClaimNumber, reason, context.By, context.Now);
        events.Add(replacement);
        var state = claim.Apply(replacement);
        if (coding.Diagnoses is not null || coding.Lines is not null)
        {
            var coded = RecodeClaimDecider.Coded(state, coding, claim.HeldLines, context);
            events.Add(coded);
            state = state.Apply(coded);
        }
        else if (claim.HeldLines.Count > 0)
        {
            var held = ClaimLine.Renumbered(claim.HeldLines, state.Lines.Count);
            var added = new ClaimLinesAdded(claim.ClaimId, held, state.TotalCharge + held.Sum(l => l.Amount), context.Now);
            events.Add(added);
            state = state.Apply(added);
        }
        else
        {
            throw new InvalidFieldException("lines", "a corrected claim changes something: give the corrected diagnoses and lines");
        }

        events.Add(ScrubClaimDecider.Scrubbed(state, primary, context));
        return events;
    }
}
