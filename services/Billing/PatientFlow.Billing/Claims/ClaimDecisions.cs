using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Scrubbing;
using PatientFlow.Billing.X12;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims;

/// <summary>What every claim decision may need besides the claim: the billing provider, prices, the date and who acts.</summary>
public sealed record ClaimContext(BillingProvider Provider, FeeSchedule Fees, DateOnly Today, DateTimeOffset Now, string By);

/// <summary>A claim's coding as billing staff enter it: diagnoses in priority order and the service lines.</summary>
public sealed record ClaimCoding(IReadOnlyList<string>? Diagnoses = null, IReadOnlyList<CodedLine>? Lines = null, string? Reason = null);

public sealed record CodedLine(string? Code = null, IReadOnlyList<string>? Modifiers = null, int? Units = null, IReadOnlyList<int>? DiagnosisPointers = null);

/// <summary>
/// The claim's rules. Each takes the claim as its events left it and returns the events of the decision; a refusal
/// is a <see cref="ConflictException"/> (wrong state) or an <see cref="InvalidFieldException"/> (bad input).
/// </summary>
public static class ClaimDecisions
{
    public const int MaxLines = 50;

    /// <summary>Scrubs the claim against the patient's primary coverage as it is now; blocking edits keep it out of batches.</summary>
    public static IReadOnlyList<object> Scrub(Claim claim, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Ready or ClaimStatus.Rejected))
        {
            throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}: only a claim not yet with the payer is scrubbed", "status");
        }

        return [Scrubbed(claim, primary, context)];
    }

    /// <summary>Recodes a claim the payer does not hold (draft, ready or rejected); the lines are repriced and the claim scrubbed again.</summary>
    public static IReadOnlyList<object> Recode(Claim claim, ClaimCoding coding, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Ready or ClaimStatus.Rejected))
        {
            throw new ConflictException(
                claim.AtPayer
                    ? $"claim {claim.ClaimNumber} is with the payer: correct it once the remittance is posted"
                    : $"claim {claim.ClaimNumber} was adjudicated: send a corrected claim instead",
                "status");
        }

        var coded = Coded(claim, coding, [], context);
        return [coded, Scrubbed(claim.Apply(coded), primary, context)];
    }

    /// <summary>
    /// Charges recorded after the claim was drafted. Not yet sent: added as lines. With the payer: held until its answer.
    /// Adjudicated: the claim becomes a replacement (frequency 7) carrying them.
    /// </summary>
    public static IReadOnlyList<object> AddLateCharges(Claim claim, IReadOnlyList<Charge> charges, CoverageOnFile? primary, ClaimContext context)
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
            lines = Renumbered([.. claim.HeldLines, .. lines], claim.Lines.Count);
            var replacement = new ClaimReplacementStarted(claim.ClaimId, claim.VisitId, claim.PatientId, adjudicated.PayerClaimNumber, "late charge", context.By, context.Now);
            events.Add(replacement);
            state = state.Apply(replacement);
        }

        var added = new ClaimLinesAdded(claim.ClaimId, lines, state.TotalCharge + lines.Sum(l => l.Amount), context.Now);
        events.Add(added);
        events.Add(Scrubbed(state.Apply(added), primary, context));
        return events;
    }

    /// <summary>A ready claim enters a batch; a claim with a blocking edit never does.</summary>
    public static IReadOnlyList<object> Submit(Claim claim, Guid batchId, long interchangeControlNumber, ClaimContext context) =>
        claim.Status == ClaimStatus.Ready && !claim.Blocked && claim.Coverage is not null
            ? [new ClaimSubmitted(claim.ClaimId, claim.VisitId, claim.PatientId, batchId, interchangeControlNumber, context.By, context.Now)]
            : throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}{(claim.Blocked ? " with blocking edits" : "")}: only a ready claim is batched", "status");

    /// <summary>The acknowledgement (277CA) for a submitted claim of this batch: accepted, or rejected with the reason.</summary>
    public static IReadOnlyList<object> Acknowledge(Claim claim, Guid batchId, string? rejection, DateTimeOffset now)
    {
        if (claim.Status != ClaimStatus.Submitted || claim.BatchId != batchId)
        {
            throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status} and not awaiting acknowledgement in batch {batchId}", "status");
        }

        return rejection is null
            ? [new ClaimAccepted(claim.ClaimId, claim.VisitId, claim.PatientId, batchId, now)]
            : [new ClaimRejected(claim.ClaimId, claim.VisitId, claim.PatientId, batchId, rejection, now)];
    }

    /// <summary>
    /// Posts the payer's decision (835 CLP loop). Denied: CLP02 4, or nothing paid and nothing left to the patient.
    /// Partially paid: something paid but a line denied (paid nothing and left nothing to the patient). Paid otherwise. The same remittance posts once; a paid claim
    /// with late charges held becomes their corrected claim.
    /// </summary>
    public static IReadOnlyList<object> Adjudicate(
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
        var held = Renumbered(claim.HeldLines, state.Lines.Count);
        var added = new ClaimLinesAdded(claim.ClaimId, held, state.TotalCharge + held.Sum(l => l.Amount), context.Now);
        return [adjudicated, replacement, added, Scrubbed(state.Apply(added), primary, context)];
    }

    /// <summary>A denial (or a partly denied claim) is appealed with the reason the payer should reconsider.</summary>
    public static IReadOnlyList<object> Appeal(Claim claim, string? reason, ClaimContext context) =>
        claim.Status is ClaimStatus.Denied or ClaimStatus.PartiallyPaid
            ? [new ClaimAppealed(claim.ClaimId, claim.VisitId, claim.PatientId, Text.Required("reason", reason, 500), context.By, context.Now)]
            : throw new ConflictException($"claim {claim.ClaimNumber} is {claim.Status}: only a denied or partially paid claim is appealed", "status");

    /// <summary>
    /// Replaces an adjudicated claim with a corrected one (frequency 7, naming the payer's claim number), recoded when
    /// <paramref name="coding"/> is given and carrying any held late charges; then scrubbed.
    /// </summary>
    public static IReadOnlyList<object> Correct(Claim claim, ClaimCoding coding, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.Status is not (ClaimStatus.Paid or ClaimStatus.PartiallyPaid or ClaimStatus.Denied) || claim.Adjudication is not { } adjudicated)
        {
            throw new ConflictException(
                claim.Status == ClaimStatus.Rejected
                    ? $"claim {claim.ClaimNumber} was rejected before adjudication: recode it and it is sent again as an original"
                    : $"claim {claim.ClaimNumber} is {claim.Status}: only an adjudicated claim is corrected",
                "status");
        }

        var reason = Text.Required("reason", coding.Reason, 500);
        List<object> events = [];
        var replacement = new ClaimReplacementStarted(claim.ClaimId, claim.VisitId, claim.PatientId, adjudicated.PayerClaimNumber, reason, context.By, context.Now);
        events.Add(replacement);
        var state = claim.Apply(replacement);
        if (coding.Diagnoses is not null || coding.Lines is not null)
        {
            var coded = Coded(state, coding, claim.HeldLines, context);
            events.Add(coded);
            state = state.Apply(coded);
        }
        else if (claim.HeldLines.Count > 0)
        {
            var held = Renumbered(claim.HeldLines, state.Lines.Count);
            var added = new ClaimLinesAdded(claim.ClaimId, held, state.TotalCharge + held.Sum(l => l.Amount), context.Now);
            events.Add(added);
            state = state.Apply(added);
        }
        else
        {
            throw new InvalidFieldException("lines", "a corrected claim changes something: give the corrected diagnoses and lines");
        }

        events.Add(Scrubbed(state, primary, context));
        return events;
    }

    /// <summary>The claim as an 837P claim billed to <paramref name="coverage"/> (an empty subscriber when there is none).</summary>
    public static ProfessionalClaim ToProfessional(Claim claim, BilledCoverage? coverage)
    {
        var subscriber = coverage?.Subscriber;
        return new ProfessionalClaim(
            claim.ClaimNumber,
            new Subscriber(
                subscriber?.LastName ?? "", subscriber?.FirstName ?? "", coverage?.MemberId ?? "", subscriber?.DateOfBirth ?? default, subscriber?.Gender ?? "",
                new X12Address(subscriber?.AddressLine1 ?? "", subscriber?.City ?? "", subscriber?.State ?? "", subscriber?.PostalCode ?? "")),
            new Payer(coverage?.PayerName ?? "", coverage?.PayerId ?? ""),
            claim.Diagnoses,
            [.. claim.Lines.Select(l => new ServiceLine(l.Code, l.Modifiers ?? [], l.Amount, l.Units, l.DiagnosisPointers, claim.DateOfService))],
            FrequencyCode: claim.FrequencyCode,
            OriginalClaimNumber: claim.OriginalPayerClaimNumber);
    }

    /// <summary>The primary coverage as billed for the date of service: active when its dates cover it and the payer's last answer for it was not "inactive".</summary>
    public static BilledCoverage Billed(CoverageOnFile primary, DateOnly dateOfService)
    {
        var registration = primary.Registration;
        var inDates = dateOfService >= registration.EffectiveFrom && (registration.EffectiveTo is null || dateOfService <= registration.EffectiveTo);
        var answer = primary.LastVerification is { } last && last.ServiceDate == dateOfService ? last : null;
        var active = inDates && answer?.Active != false;
        var reason = answer?.Reason ?? (inDates ? "within the coverage's dates; not verified for this date" : "outside the coverage's dates");
        return new BilledCoverage(
            registration.CoverageId, registration.PayerId, registration.PayerName, registration.MemberId, registration.GroupNumber, registration.Subscriber,
            registration.EffectiveFrom, registration.EffectiveTo, active, reason);
    }

    private static ClaimScrubbed Scrubbed(Claim claim, CoverageOnFile? primary, ClaimContext context)
    {
        var billed = primary is null ? null : Billed(primary, claim.DateOfService);
        var period = billed is null ? null : new CoveragePeriod(billed.EffectiveFrom, billed.EffectiveTo, billed.Active);
        var edits = ClaimScrubber.Scrub(context.Provider, ToProfessional(claim, billed), period, context.Today).ToList();
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

    private static ClaimCoded Coded(Claim claim, ClaimCoding coding, IReadOnlyList<ClaimLine> keep, ClaimContext context)
    {
        var diagnoses = coding.Diagnoses ?? throw new InvalidFieldException("diagnoses", "is required: the ICD-10-CM codes in priority order");
        if (diagnoses.Count is 0 or > ClaimScrubber.MaxDiagnoses)
        {
            throw new InvalidFieldException("diagnoses", $"give 1 to {ClaimScrubber.MaxDiagnoses} diagnoses");
        }

        var codes = diagnoses.Select((d, i) => Text.Required($"diagnoses[{i}]", d, 8).ToUpperInvariant()).ToList();
        var entered = coding.Lines ?? throw new InvalidFieldException("lines", "is required: every service line of the claim");
        if (entered.Count is 0 || entered.Count + keep.Count > MaxLines)
        {
            throw new InvalidFieldException("lines", $"give 1 to {MaxLines} lines");
        }

        var lines = new List<ClaimLine>();
        for (var i = 0; i < entered.Count; i++)
        {
            var at = $"lines[{i}]";
            var line = entered[i];
            var code = Text.Required($"{at}.code", line.Code, 5).ToUpperInvariant();
            var units = line.Units ?? 1;
            if (units is < 1 or > 999)
            {
                throw new InvalidFieldException($"{at}.units", "must be 1 to 999");
            }

            var pointers = line.DiagnosisPointers ?? throw new InvalidFieldException($"{at}.diagnosisPointers", "is required: 1 to 4 diagnosis numbers");
            if (pointers.Count is 0 or > ClaimScrubber.MaxPointers)
            {
                throw new InvalidFieldException($"{at}.diagnosisPointers", $"give 1 to {ClaimScrubber.MaxPointers} diagnosis numbers");
            }

            if (line.Modifiers is { Count: > ClaimScrubber.MaxModifiers })
            {
                throw new InvalidFieldException($"{at}.modifiers", $"at most {ClaimScrubber.MaxModifiers} modifiers");
            }

            var source = claim.Lines.FirstOrDefault(l => l.Code == code)?.Source ?? ChargeSource.Encounter;
            var charge = context.Fees.Price(source, code, units, pointers, line.Modifiers);
            lines.Add(DraftClaimDecider.Line(i + 1, charge, codes.Count));
        }

        lines.AddRange(Renumbered(keep, lines.Count));
        return new ClaimCoded(
            claim.ClaimId, codes, lines, lines.Sum(l => l.Amount), Text.Required("reason", coding.Reason, 500), context.By, context.Now);
    }

    private static List<ClaimLine> Renumbered(IReadOnlyList<ClaimLine> lines, int after) =>
        [.. lines.Select((l, i) => l with { LineNumber = after + i + 1 })];

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
