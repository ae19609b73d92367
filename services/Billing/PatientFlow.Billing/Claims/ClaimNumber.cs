using System.Globalization;

namespace PatientFlow.Billing.Claims;

// Drawn from the store's HiLo sequence for its document type when stored, so every instance issues unique numbers
// without asking the others. A refused command leaves a gap, never a duplicate.

/// <summary>The claim's patient control number (CLM01), which the payer echoes in CLP01: "PF" and ten digits.</summary>
public sealed class ClaimNumber
{
    public long Id { get; set; }

    public Guid ClaimId { get; set; }

    public string Number => Format(Id);

    public static string Format(long id) => "PF" + id.ToString("D10", CultureInfo.InvariantCulture);

    public static long? Parse(string number) =>
        number.Trim() is ['P' or 'p', 'F' or 'f', .. var digits] && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
