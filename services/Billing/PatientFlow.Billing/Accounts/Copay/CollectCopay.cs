using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Copay;

/// <summary>A copay taken at the desk: cash, or card with the terminal's reference (never the card number).</summary>
public sealed record CollectCopay(decimal? Amount = null, PaymentMethod? Method = null, string? CardReference = null);

public static class CollectCopayDecider
{
    /// <summary>POST /patients/{patientId}/visits/{visitId}/copay/payments: takes a copay and answers with its receipt (201, the receipt's address in Location).</summary>
    public static async Task<Created<CopayReceipt>> Handle(
        Guid patientId, Guid visitId, CollectCopay command, AccountCommands commands, IDocumentSession session, FeeSchedule fees)
    {
        var paymentId = Guid.CreateVersion7();
        var receipt = new ReceiptNumber { PaymentId = paymentId };
        // The number is drawn now and stored with the event; a refused payment leaves a gap, never a duplicate.
        session.Store(receipt);
        var (account, events) = await commands.AppendAsync(visitId, (account, who, now) =>
            Task.FromResult(AccountView.Decided(session, account, patientId, () => Decide(account, command, paymentId, receipt.Number, fees.Currency, who, now))));
        var after = BillingAccount.Replay(account, events)!;
        return TypedResults.Created(
            $"/api/billing/patients/{patientId}/visits/{visitId}/copay/payments/{paymentId}/receipt",
            CopayReceipt.For(after, after.Payments.Single(p => p.PaymentId == paymentId), fees.Currency));
    }

    /// <summary>
    /// A copay is collected once the patient is checked in with active coverage and a copay due, up to what is still
    /// due. A card payment names the terminal's reference; anything that looks like a card number is refused.
    /// </summary>
    public static IReadOnlyList<object> Decide(
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

    public static decimal Money(string field, decimal? value) =>
        value is not { } amount ? throw new InvalidFieldException(field, "is required")
        : amount <= 0 || decimal.Round(amount, 2) != amount ? throw new InvalidFieldException(field, "must be a positive amount with at most two decimals")
        : amount;

    // A terminal's approval code or transaction reference, or the card's last four digits: never the card number (PCI DSS).
    private static string CardReference(string? value)
    {
        var reference = TextField.Required("cardReference", value, 32);
        if (reference.Count(char.IsAsciiDigit) >= 12)
        {
            throw new InvalidFieldException("cardReference", "looks like a card number: give the terminal's reference or the last four digits");
        }

        return reference;
    }
}
