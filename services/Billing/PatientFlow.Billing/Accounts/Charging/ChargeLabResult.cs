using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Charging;

/// <summary>Charge a resulted lab test: one unit of its billing code.</summary>
public sealed record ChargeLabResult(Guid VisitId, Guid PatientId, Guid OrderId, string BillingCode, DateTimeOffset ResultedAt);

public static class ChargeLabResultDecider
{
    /// <summary>
    /// One charge per lab order: a corrected result for the same order is not a second test.
    /// A result after the claim is still charged on the account; the drafted claim stays as it is
    /// until corrected claims exist.
    /// </summary>
    public static VisitDecision Decide(BillingAccount? state, ChargeLabResult command, FeeSchedule fees, NewClaim next)
    {
        if (state?.ChargedLabOrders.Contains(command.OrderId) == true)
        {
            return DraftClaimDecider.ClaimIfDue(state, [], next);
        }

        var charge = fees.Price(ChargeSource.Lab, command.BillingCode, 1, []);
        var charged = new LabResultCharged(command.VisitId, command.PatientId, command.OrderId, charge, command.ResultedAt);
        return DraftClaimDecider.ClaimIfDue(state, [charged], next);
    }
}
