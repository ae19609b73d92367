namespace PatientFlow.Billing.Accounts.Copay;

/// <summary>What the patient takes away: the receipt for one payment, and what is still due for the visit.</summary>
public sealed record CopayReceipt(
    string ReceiptNumber,
    Guid PaymentId,
    Guid VisitId,
    Guid PatientId,
    decimal Amount,
    decimal Refunded,
    string Currency,
    PaymentMethod Method,
    string? CardReference,
    string CollectedBy,
    DateTimeOffset CollectedAt,
    decimal CopayDue,
    decimal StillDue)
{
    public static CopayReceipt For(BillingAccount account, CopayPayment payment, string currency) => new(
        payment.ReceiptNumber, payment.PaymentId, account.Id, account.PatientId, payment.Amount, payment.Refunded, currency, payment.Method,
        payment.CardReference, payment.CollectedBy, payment.CollectedAt, account.CopayDue, account.CopayOutstanding);
}

