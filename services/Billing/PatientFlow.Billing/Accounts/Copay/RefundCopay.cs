using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Copay;

public sealed record RefundCopay(decimal? Amount = null, string? Reason = null);

public static class RefundCopayDecider
{
    /// <summary>POST /patients/{patientId}/visits/{visitId}/copay/payments/{paymentId}/refunds: answers with the payment's receipt after it.</summary>
    public static async Task<Ok<CopayReceipt>> Handle(
        Guid patientId, Guid visitId, Guid paymentId, RefundCopay command, AccountCommands commands, IDocumentSession session, FeeSchedule fees)
    {
        var refundId = Guid.CreateVersion7();
        var (account, events) = await commands.AppendAsync(visitId, (account, who, now) =>
            Task.FromResult(AccountView.Decided(session, account, patientId, () => Decide(account, paymentId, command, refundId, who, now))));
        var after = BillingAccount.Replay(account, events)!;
        return TypedResults.Ok(CopayReceipt.For(after, after.Payments.Single(p => p.PaymentId == paymentId), fees.Currency));
    }

    /// <summary>A refund returns part or all of one payment, never more than is left of it, with a reason.</summary>
    public static IReadOnlyList<object> Decide(BillingAccount account, Guid paymentId, RefundCopay command, Guid refundId, string by, DateTimeOffset now)
    {
        var payment = account.Payments.FirstOrDefault(p => p.PaymentId == paymentId)
            ?? throw new NotFoundException($"visit {account.Id} has no payment {paymentId}");
        var amount = CollectCopayDecider.Money("amount", command.Amount);
        if (amount > payment.Net)
        {
            throw new InvalidFieldException("amount", $"exceeds what is left of payment {payment.ReceiptNumber} ({payment.Net:0.00})");
        }

        var reason = TextField.Required("reason", command.Reason, 200);
        return [new CopayRefunded(account.Id, account.PatientId, paymentId, refundId, amount, reason, by, now)];
    }
}
