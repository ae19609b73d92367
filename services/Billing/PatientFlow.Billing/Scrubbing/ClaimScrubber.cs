using System.Text.RegularExpressions;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Scrubbing;

public enum EditSeverity
{
    /// <summary>The claim may not enter a batch until it is fixed.</summary>
    Blocking,

    /// <summary>Worth a look; the claim may still be sent.</summary>
    Warning,
}

/// <summary>One finding: a stable code the work queue groups by, the field at fault, and what to do.</summary>
public sealed record ClaimEdit(string Code, EditSeverity Severity, string Field, string Message);

/// <summary>The coverage the claim is billed to, as eligibility last found it.</summary>
public sealed record CoveragePeriod(DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool Active)
{
    public bool Covers(DateOnly day) => Active && day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);
}

/// <summary>
/// The edits a claim passes before it may be batched: what a clearinghouse would reject it for (blocking) and what
/// is likely to cost money later (warnings). Pure: the same claim on the same day always gets the same edits.
/// </summary>
public static partial class ClaimScrubber
{
    public const int MaxDiagnoses = 12;
    public const int MaxPointers = 4;
    public const int MaxModifiers = 4;

    public static IReadOnlyList<ClaimEdit> Scrub(BillingProvider provider, ProfessionalClaim claim, CoveragePeriod? coverage, DateOnly today)
    {
        var edits = new List<ClaimEdit>();
        void Block(string code, string field, string message) => edits.Add(new ClaimEdit(code, EditSeverity.Blocking, field, message));
        void Warn(string code, string field, string message) => edits.Add(new ClaimEdit(code, EditSeverity.Warning, field, message));

        if (!IsNpi(provider.Npi))
        {
            Block("provider-npi", "billingProvider.npi", "the billing provider's NPI is missing or fails its check digit");
        }

        if (provider.TaxId.Count(char.IsAsciiDigit) != 9)
        {
            Block("provider-tax-id", "billingProvider.taxId", "the billing provider's tax id (EIN) must have 9 digits");
        }

        var subscriber = claim.Subscriber;
        if (string.IsNullOrWhiteSpace(subscriber.MemberId))
        {
            Block("subscriber-id", "subscriber.memberId", "the subscriber's member id is missing");
        }

        if (string.IsNullOrWhiteSpace(subscriber.LastName) || string.IsNullOrWhiteSpace(subscriber.FirstName))
        {
            Block("subscriber-name", "subscriber.name", "the subscriber's first and last name are required");
        }

        if (subscriber.DateOfBirth == default || subscriber.DateOfBirth > today)
        {
            Block("subscriber-birth-date", "subscriber.dateOfBirth", "the subscriber's date of birth is missing or in the future");
        }

        if (subscriber.Gender is not ("F" or "M" or "U"))
        {
            Block("subscriber-gender", "subscriber.gender", "the subscriber's gender code must be F, M or U");
        }

        if (claim.Diagnoses.Count == 0)
        {
            Block("diagnosis-missing", "diagnoses", "a claim needs at least one ICD-10-CM diagnosis");
        }

        for (var i = 0; i < claim.Diagnoses.Count; i++)
        {
            if (!Icd10Cm().IsMatch(claim.Diagnoses[i]))
            {
                Block("diagnosis-format", $"diagnoses[{i}]", $"'{claim.Diagnoses[i]}' is not an ICD-10-CM code like E11.9");
            }
        }

        if (claim.Diagnoses.Count > MaxDiagnoses)
        {
            Block("diagnosis-count", "diagnoses", $"an 837P carries at most {MaxDiagnoses} diagnoses");
        }

        if (claim.Diagnoses.Distinct(StringComparer.OrdinalIgnoreCase).Count() != claim.Diagnoses.Count)
        {
            Warn("diagnosis-duplicate", "diagnoses", "a diagnosis is listed twice");
        }

        if (claim.Lines.Count == 0)
        {
            Block("lines-missing", "lines", "a claim needs at least one service line");
        }

        for (var i = 0; i < claim.Lines.Count; i++)
        {
            var line = claim.Lines[i];
            var at = $"lines[{i}]";
            if (!CptOrHcpcs().IsMatch(line.Procedure))
            {
                Block("procedure-format", $"{at}.procedure", $"'{line.Procedure}' is not a CPT (99213, 0001F) or HCPCS (J1100) code");
            }

            if (line.Modifiers.Count > MaxModifiers || line.Modifiers.Any(m => !Modifier().IsMatch(m)))
            {
                Block("modifier-format", $"{at}.modifiers", "up to four two-character modifiers");
            }

            if (line.DiagnosisPointers.Count is 0 or > MaxPointers)
            {
                Block("pointer-count", $"{at}.diagnosisPointers", $"each line points at 1 to {MaxPointers} diagnoses");
            }

            foreach (var pointer in line.DiagnosisPointers.Where(p => p < 1 || p > claim.Diagnoses.Count))
            {
                Block("pointer-dangling", $"{at}.diagnosisPointers", $"pointer {pointer} names no diagnosis (the claim has {claim.Diagnoses.Count})");
            }

            if (line.Units is < 1 or > 999)
            {
                Block("units", $"{at}.units", "units must be 1 to 999");
            }

            if (line.ServiceDate > today)
            {
                Block("service-date-future", $"{at}.serviceDate", $"the date of service {line.ServiceDate:yyyy-MM-dd} is in the future");
            }

            if (coverage is null || !coverage.Covers(line.ServiceDate))
            {
                Block("coverage-inactive", $"{at}.serviceDate", $"no active coverage on {line.ServiceDate:yyyy-MM-dd}");
            }

            if (line.Charge <= 0)
            {
                Warn("line-unpriced", $"{at}.charge", $"{line.Procedure} has no price in the fee schedule");
            }
        }

        var repeated = claim.Lines.GroupBy(l => (l.Procedure, Modifiers: string.Join(':', l.Modifiers), l.ServiceDate)).Where(g => g.Count() > 1);
        foreach (var group in repeated)
        {
            Warn("line-duplicate", "lines", $"{group.Key.Procedure} is billed {group.Count()} times on {group.Key.ServiceDate:yyyy-MM-dd}; use units if that is meant");
        }

        if (string.IsNullOrWhiteSpace(subscriber.Address.Line1) || string.IsNullOrWhiteSpace(subscriber.Address.PostalCode))
        {
            Warn("subscriber-address", "subscriber.address", "the subscriber's address is incomplete; some payers reject it");
        }

        // Coverage is reported once, not per line, when it fails for every line alike.
        return [.. edits.DistinctBy(e => e.Code == "coverage-inactive" ? (e.Code, e.Message) : (e.Code, e.Field + e.Message))];
    }

    public static bool Blocks(IEnumerable<ClaimEdit> edits) => edits.Any(e => e.Severity == EditSeverity.Blocking);

    /// <summary>An NPI is 10 digits whose last is the Luhn check digit over "80840" and the first nine.</summary>
    public static bool IsNpi(string? npi)
    {
        if (npi is not { Length: 10 } || !npi.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = "80840" + npi[..9];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10 == npi[9] - '0';
    }

    [GeneratedRegex(@"^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Icd10Cm();

    [GeneratedRegex(@"^([0-9]{5}|[0-9]{4}[FTU]|[A-V][0-9]{4})$")]
    private static partial Regex CptOrHcpcs();

    [GeneratedRegex(@"^[0-9A-Z]{2}$")]
    private static partial Regex Modifier();
}
