using System.Text.RegularExpressions;

namespace PatientFlow.Intake.Encounters;

/// <summary>The code formats the encounter accepts; the format only (whether a code exists is the payer's and the coder's business).</summary>
public static partial class ClinicalCodes
{
    public static bool IsIcd10Cm(string code) => IcdTen().IsMatch(code);

    public static bool IsCptOrHcpcs(string code) => Cpt().IsMatch(code) || Hcpcs().IsMatch(code);

    // Category (letter, digit, digit or letter), then optionally up to four more characters; the dot is optional
    // because claims and many EHR exports drop it.
    [GeneratedRegex("^[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?$")]
    private static partial Regex IcdTen();

    // CPT: five digits (Category I), or four digits and F (Category II) or T (Category III).
    [GeneratedRegex("^[0-9]{4}[0-9FT]$")]
    private static partial Regex Cpt();

    // HCPCS Level II: a letter A–V and four digits.
    [GeneratedRegex("^[A-V][0-9]{4}$")]
    public static partial Regex Hcpcs();

    // CVX vaccine codes are one to three digits.
    [GeneratedRegex("^[0-9]{1,3}$")]
    public static partial Regex Cvx();

    // Procedure modifiers are two characters, digits or letters (25, 59, LT, RT...).
    [GeneratedRegex("^[0-9A-Z]{2}$")]
    public static partial Regex Modifier();
}
