using JasperFx;

namespace PatientFlow.Billing.Claims.Remittances;

/// <summary>One claim of the remittance posted to its claim.</summary>
public sealed record PostedClaim(Guid ClaimId, string ClaimNumber, ClaimOutcome Outcome, decimal Paid, decimal PatientResponsibility);

/// <summary>A CLP loop that posted to nothing: the claim number is unknown or the claim was not with the payer.</summary>
public sealed record UnpostedClaim(string PatientControlNumber, string Reason);

/// <summary>
/// An 835 remittance was posted. Its id comes from the payer and the payment's trace number (TRN02), so the same file
/// posted twice is recognised and posts nothing the second time.
/// </summary>
public sealed record RemittancePosted(
    Guid RemittanceId,
    string TraceNumber,
    string PayerName,
    decimal TotalPaid,
    string PaymentMethod,
    DateOnly? PaymentDate,
    IReadOnlyList<PostedClaim> Posted,
    IReadOnlyList<UnpostedClaim> Unposted,
    string PostedBy,
    DateTimeOffset PostedAt);

public sealed record RemittanceDetails(
    [property: Identity] Guid RemittanceId,
    string TraceNumber,
    string PayerName,
    decimal TotalPaid,
    string PaymentMethod,
    DateOnly? PaymentDate,
    IReadOnlyList<PostedClaim> Posted,
    IReadOnlyList<UnpostedClaim> Unposted,
    string PostedBy,
    DateTimeOffset PostedAt)
{
    public static RemittanceDetails Create(RemittancePosted e) => new(
        e.RemittanceId, e.TraceNumber, e.PayerName, e.TotalPaid, e.PaymentMethod, e.PaymentDate, e.Posted, e.Unposted, e.PostedBy, e.PostedAt);
}
