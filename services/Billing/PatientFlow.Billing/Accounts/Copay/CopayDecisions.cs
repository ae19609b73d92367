using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Accounts.Copay;

/// <summary>A copay taken at the desk: cash, or card with the terminal's reference (never the card number).</summary>
public sealed record CollectCopay(decimal? Amount = null, PaymentMethod? Method = null, string? CardReference = null);

public sealed record RefundCopay(decimal? Amount = null, string? Reason = null);

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

public static class CopayDecisions
{
    /// <summary>
    /// A copay is collected once the patient is checked in with active coverage and a copay due, up to what is still
    /// due. A card payment names the terminal's reference; anything that looks like a card number is refused.
    /// </summary>
    public static IReadOnlyList<object> Collect(
        BillingAccount account, CollectCopay command, Guid paymentId, string receiptNumber, string currency, string by, DateTimeOffset now)
    {
        if (account.CheckedInAt is null)
        {
            throw new ConflictException($"visit {account.Id} is not checked in: the copay is due at check-in", "copay");
        }

        if (account.CopayDue <= 0)
        {
            throw new ConflictException(
                $"visit {account.Id} has no copay due ({account.CheckInEligibility?.Reason ?? "no eligibility answer"})", "copay");
        }

        var amount = Money("amount", command.Amount);
        if (amount > account.CopayOutstanding)
        {
            throw new InvalidFieldException("amount", $"exceeds the copay still due ({account.CopayOutstanding:0.00} {currency})");
        }

        var method = command.Method ?? throw new InvalidFieldException("method", "is required: cash or card");
        var reference = method == PaymentMethod.Card ? CardReference(command.CardReference)
            : command.CardReference is null ? null
            : throw new InvalidFieldException("cardReference", "is only for card payments");
        return [new CopayCollected(account.Id, account.PatientId, paymentId, receiptNumber, amount, currency, method, reference, by, now)];
    }

    /// <summary>A refund returns part or all of one payment, never more than is left of it, with a reason.</summary>
    public static IReadOnlyList<object> Refund(BillingAccount account, Guid paymentId, RefundCopay command, Guid refundId, string by, DateTimeOffset now)
    {
        var payment = account.Payments.FirstOrDefault(p => p.PaymentId == paymentId)
            ?? throw new NotFoundException($"visit {account.Id} has no payment {paymentId}");
        var amount = Money("amount", command.Amount);
        if (amount > payment.Net)
        {
            throw new InvalidFieldException("amount", $"exceeds what is left of payment {payment.ReceiptNumber} ({payment.Net:0.00})");
        }

        var reason = Text.Required("reason", command.Reason, 200);
        return [new CopayRefunded(account.Id, account.PatientId, paymentId, refundId, amount, reason, by, now)];
    }

    private static decimal Money(string field, decimal? value) =>
        value is not { } amount ? throw new InvalidFieldException(field, "is required")
        : amount <= 0 || decimal.Round(amount, 2) != amount ? throw new InvalidFieldException(field, "must be a positive amount with at most two decimals")
        : amount;

    // A terminal's approval code or transaction reference, or the card's last four digits: never the card number (PCI DSS).
    private static string CardReference(string? value)
    {
        var reference = Text.Required("cardReference", value, 32);
        if (reference.Count(char.IsAsciiDigit) >= 12)
        {
            throw new InvalidFieldException("cardReference", "looks like a card number: give the terminal's reference or the last four digits");
        }

        return reference;
    }
}
