using PatientFlow.Billing.Claims.Scrubbing;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Scrubbing;

namespace PatientFlow.Billing.Claims.Coding;

/// <summary>A claim's coding as billing staff enter it: diagnoses in priority order and the service lines.</summary>
public sealed record ClaimCoding(IReadOnlyList<string>? Diagnoses = null, IReadOnlyList<CodedLine>? Lines = null, string? Reason = null);

public sealed record CodedLine(string? Code = null, IReadOnlyList<string>? Modifiers = null, int? Units = null, IReadOnlyList<int>? DiagnosisPointers = null);

public static class RecodeClaimDecider
{
    public const int MaxLines = 50;

    /// <summary>PUT /claims/{id}/coding</summary>
    public static Task<Ok<Claim>> Handle(Guid claimId, ClaimCoding coding, ClaimCommands commands, ClaimContexts contexts, IQuerySession session, CancellationToken ct) =>
        commands.DecideAsync(claimId, async (claim, who, now) =>
            Decide(claim, coding, await ClaimContexts.PrimaryCoverageAsync(session, claim.PatientId, ct), contexts.For(who, now)));

    /// <summary>Recodes a claim the payer does not hold (draft, ready or rejected); the lines are repriced and the claim scrubbed again.</summary>
    public static IReadOnlyList<object> Decide(Claim claim, ClaimCoding coding, CoverageOnFile? primary, ClaimContext context)
    {
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Ready or ClaimStatus.Rejected))
        {
            throw new ConflictException(
                claim.AtPayer
                    ? $"claim {claim.ClaimNumber} is with the payer: correct it once the remittance is posted"
                    : $"claim {claim.ClaimNumber} was adjudicated: send a corrected claim instead",
                "status");
        }

        var coded = RecodeClaimDecider.Coded(claim, coding, [], context);
        return [coded, ScrubClaimDecider.Scrubbed(claim.Apply(coded), primary, context)];
    }

    /// <summary>The coding entered, priced from the fee schedule; <paramref name="keep"/> (held late charges) follow its lines.</summary>
    public static ClaimCoded Coded(Claim claim, ClaimCoding coding, IReadOnlyList<ClaimLine> keep, ClaimContext context)
    {
        var diagnoses = coding.Diagnoses ?? throw new InvalidFieldException("diagnoses", "is required: the ICD-10-CM codes in priority order");
        if (diagnoses.Count is 0 or > ClaimScrubber.MaxDiagnoses)
        {
            throw new InvalidFieldException("diagnoses", $"give 1 to {ClaimScrubber.MaxDiagnoses} diagnoses");
        }

        var codes = diagnoses.Select((d, i) => TextField.Required($"diagnoses[{i}]", d, 8).ToUpperInvariant()).ToList();
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
            var code = TextField.Required($"{at}.code", line.Code, 5).ToUpperInvariant();
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

        lines.AddRange(ClaimLine.Renumbered(keep, lines.Count));
        return new ClaimCoded(
            claim.ClaimId, codes, lines, lines.Sum(l => l.Amount), TextField.Required("reason", coding.Reason, 500), context.By, context.Now);
    }
}
