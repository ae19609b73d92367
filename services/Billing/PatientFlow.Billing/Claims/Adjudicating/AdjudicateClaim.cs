using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims.Adjudicating;

public static class AdjudicateClaimDecider
{
    /// <summary>
    /// Posts the payer's decision (835 CLP loop). Denied: CLP02 4, or nothing paid and nothing left to the patient.
    /// Partially paid: something paid but a line denied (paid nothing and left nothing to the patient). Paid otherwise. The same remittance posts once; a paid claim
    /// with late charges held becomes their corrected claim.
    /// </summary>
    public static IReadOnlyList<object> Decide(
        Claim claim, ClaimPayment payment, Guid remittanceId, string traceNumber, DateOnly? paymentDate, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.PostedRemittances.Contains(remittanceId))
        {
            return [];
        }

        if (!claim.AtPayer)
        {
            throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}: a remittance posts only to a claim with the payer", "status");
        }

        if (payment.Status == "22")
        {
            throw new ConflictException($"claim {claim.ClaimNumber}: reversals (CLP02 22) are posted by hand", "status");
        }

        var lines = MatchLines(claim, payment.Services);
        var patientShare = payment.AllAdjustments.Where(a => a.Group == "PR").Sum(a => a.Amount);
        var responsibility = patientShare > 0 ? patientShare : payment.PatientResponsibility;
        var outcome = payment.Denied || (payment.Paid == 0 && responsibility == 0) ? ClaimOutcome.Denied
            : lines.Any(l => l.Denied) ? ClaimOutcome.PartiallyPaid
            : ClaimOutcome.Paid;
        var adjudicated = new ClaimAdjudicated(
            claim.ClaimId, claim.VisitId, claim.PatientId, remittanceId, traceNumber, payment.PayerClaimNumber, payment.Status, outcome, payment.Charged, payment.Paid, responsibility,
            payment.Adjustments, lines, paymentDate, context.Now);
        if (outcome != ClaimOutcome.Paid || claim.HeldLines.Count == 0)
        {
            return [adjudicated];
        }

        var state = claim.Apply(adjudicated);
        var replacement = new ClaimReplacementStarted(claim.ClaimId, claim.VisitId, claim.PatientId, payment.PayerClaimNumber, "late charge", context.By, context.Now);
        state = state.Apply(replacement);
        var held = ClaimLine.Renumbered(claim.HeldLines, state.Lines.Count);
        var added = new ClaimLinesAdded(claim.ClaimId, held, state.TotalCharge + held.Sum(l => l.Amount), context.Now);
        return [adjudicated, replacement, added, ScrubClaimDecider.Scrubbed(state.Apply(added), primary, context)];
    }

    // SVC lines come back in the order sent; a payer may drop or reorder some, so each is matched to the first unmatched
    // claim line with the same procedure.
    private static List<LineAdjudication> MatchLines(Claim claim, IReadOnlyList<ServicePayment> services)
    {
        var open = claim.Lines.ToList();
        var result = new List<LineAdjudication>();
        foreach (var service in services)
        {
            var line = open.FirstOrDefault(l => string.Equals(l.Code, service.Procedure, StringComparison.OrdinalIgnoreCase));
            if (line is not null)
            {
                open.Remove(line);
            }

            // Nothing paid and nothing left to the patient: the payer refused the line. Paid nothing because the allowed
            // amount went to the deductible (PR) is not a denial, whatever contractual write-off comes with it.
            var denied = service.Paid == 0 && !service.Adjustments.Any(a => a.Group == "PR" && a.Amount > 0);
            result.Add(new LineAdjudication(line?.LineNumber ?? 0, service.Procedure, service.Charged, service.Paid, service.Adjustments, denied));
        }

        return result;
    }
}
