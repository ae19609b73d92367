using System.Text.RegularExpressions;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.Intake.Encounters.Completing;

/// <summary>The provider closes the encounter with what was diagnosed and done; billing charges from it.</summary>
public sealed record CompleteEncounter(
    IReadOnlyList<string?>? Diagnoses = null, IReadOnlyList<ProcedureEntry?>? Procedures = null, DateTimeOffset? CompletedAt = null);

/// <summary>A procedure as entered; units default to one, as on a claim line.</summary>
public sealed record ProcedureEntry(string? Code = null, int? Units = null);

public static partial class CompleteEncounterDecider
{
    // 837P professional claims carry at most 12 diagnosis pointers.
    public const int MaxDiagnoses = 12;
    public const int MaxUnits = 99;

    public static IReadOnlyList<object> Decide(Encounter state, CompleteEncounter command, DateTimeOffset now)
    {
        state.EnsureOpen();
        var diagnoses = Diagnoses(command.Diagnoses ?? []);
        var procedures = Procedures(command.Procedures ?? []);
        var completedAt = ClinicTime.Resolve("completedAt", command.CompletedAt, now);
        return [new EncounterCompleted(state.Id, state.PatientId, state.ProviderId, diagnoses, procedures, completedAt)];
    }

    private static List<string> Diagnoses(IReadOnlyList<string?> entered)
    {
        if (entered.Count is 0 or > MaxDiagnoses)
        {
            throw new InvalidFieldException("diagnoses", $"must list between 1 and {MaxDiagnoses} ICD-10-CM codes");
        }

        var codes = new List<string>(entered.Count);
        for (var i = 0; i < entered.Count; i++)
        {
            var code = entered[i]?.Trim().ToUpperInvariant() ?? "";
            if (!IcdTen().IsMatch(code))
            {
                throw new InvalidFieldException($"diagnoses[{i}]", "is not a well-formed ICD-10-CM code");
            }

            if (codes.Contains(code))
            {
                throw new InvalidFieldException($"diagnoses[{i}]", "is listed twice");
            }

            codes.Add(code);
        }

        return codes;
    }

    private static List<Procedure> Procedures(IReadOnlyList<ProcedureEntry?> entered)
    {
        if (entered.Count == 0)
        {
            throw new InvalidFieldException("procedures", "must list at least one CPT or HCPCS code");
        }

        var procedures = new List<Procedure>(entered.Count);
        for (var i = 0; i < entered.Count; i++)
        {
            var code = entered[i]?.Code?.Trim().ToUpperInvariant() ?? "";
            if (!Cpt().IsMatch(code) && !Hcpcs().IsMatch(code))
            {
                throw new InvalidFieldException($"procedures[{i}].code", "is not a well-formed CPT or HCPCS code");
            }

            var units = entered[i]?.Units ?? 1;
            if (units is < 1 or > MaxUnits)
            {
                throw new InvalidFieldException($"procedures[{i}].units", $"must be between 1 and {MaxUnits}");
            }

            procedures.Add(new Procedure(code, units));
        }

        return procedures;
    }

    // Category (letter, digit, digit or letter), then optionally up to four more characters; the dot is optional
    // because claims and many EHR exports drop it.
    [GeneratedRegex("^[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?$")]
    private static partial Regex IcdTen();

    // CPT: five digits (Category I), or four digits and F (Category II) or T (Category III).
    [GeneratedRegex("^[0-9]{4}[0-9FT]$")]
    private static partial Regex Cpt();

    // HCPCS Level II: a letter A–V and four digits.
    [GeneratedRegex("^[A-V][0-9]{4}$")]
    private static partial Regex Hcpcs();
}
