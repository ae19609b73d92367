using System.Globalization;

namespace PatientFlow.Billing.Claims;

// Drawn from the store's HiLo sequence for its document type when stored, so every instance issues unique numbers
// without asking the others. A refused command leaves a gap, never a duplicate.

/// <summary>A copay receipt's number: "R" and ten digits.</summary>
public sealed class ReceiptNumber
{
    public long Id { get; set; }

    public Guid PaymentId { get; set; }

    public string Number => "R" + Id.ToString("D10", CultureInfo.InvariantCulture);
}
