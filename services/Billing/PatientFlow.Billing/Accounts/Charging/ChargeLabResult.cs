using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Charging;

/// <summary>Charge a resulted lab test: one unit of its billing code.</summary>
public sealed record ChargeLabResult(Guid VisitId, Guid PatientId, Guid OrderId, string BillingCode, DateTimeOffset ResultedAt, string? TestCode = null);

public static class ChargeLabResultDecider
{
    /// <summary>
    /// One charge per resulted test of an order (an order may carry several): a redelivered result is not a second
    /// test. A result after the claim is charged on the account and handed to the claim as a late charge.
    /// </summary>
    public static VisitDecision Decide(BillingAccount? state, ChargeLabResult command, FeeSchedule fees, NewClaim next)
    {
        if (state?.ChargedLabTests.Contains(BillingAccount.LabTestKey(command.OrderId, command.TestCode)) == true
            || (command.TestCode is null && state?.ChargedLabOrders.Contains(command.OrderId) == true))
        {
            return DraftClaimDecider.ClaimIfDue(state, [], next);
        }

        var charge = fees.Price(ChargeSource.Lab, command.BillingCode, 1, []);
        var charged = new LabResultCharged(command.VisitId, command.PatientId, command.OrderId, charge, command.ResultedAt, command.TestCode);
        return DraftClaimDecider.ClaimIfDue(state, [charged], next);
    }
}
