using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Claims.LateCharges;

public static class AddLateChargesDecider
{
    /// <summary>
    /// Charges recorded after the claim was drafted. Not yet sent: added as lines. With the payer: held until its answer.
    /// Adjudicated: the claim becomes a replacement (frequency 7) carrying them.
    /// </summary>
    public static IReadOnlyList<object> Decide(Claim claim, IReadOnlyList<Charge> charges, CoverageOnFile? primary, ClaimContext context)
    {
        var lines = charges.Select((c, i) => DraftClaimDecider.Line(claim.Lines.Count + i + 1, c, claim.Diagnoses.Count)).ToList();
        if (claim.AtPayer)
        {
            return [.. lines.Select(l => new LateChargeHeld(claim.ClaimId, l, context.Now))];
        }

        List<object> events = [];
        var state = claim;
        if (claim.Status is (ClaimStatus.Paid or ClaimStatus.PartiallyPaid or ClaimStatus.Denied) && claim.Adjudication is { } adjudicated)
        {
            // Adjudicated: the replacement carries what was held for it too.
            lines = ClaimLine.Renumbered([.. claim.HeldLines, .. lines], claim.Lines.Count);
            var replacement = new ClaimReplacementStarted(claim.ClaimId, claim.VisitId, claim.PatientId, adjudicated.PayerClaimNumber, "late charge", context.By, context.Now);
            events.Add(replacement);
            state = state.Apply(replacement);
        }

        var added = new ClaimLinesAdded(claim.ClaimId, lines, state.TotalCharge + lines.Sum(l => l.Amount), context.Now);
        events.Add(added);
        events.Add(ScrubClaimDecider.Scrubbed(state.Apply(added), primary, context));
        return events;
    }
}
