using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.GettingCharges;

/// <summary>
/// Everything charged on a visit so far, in the order recorded. <see cref="ClaimId"/> is the visit's
/// drafted claim; charges recorded after it (a late lab result) are here but not on that claim.
/// </summary>
public sealed record VisitCharges(
    Guid VisitId, Guid PatientId, bool CheckedOut, bool EncounterCompleted, Guid? ClaimId, IReadOnlyList<Charge> Charges)
{
    public static VisitCharges From(BillingAccount account) => new(
        account.Id, account.PatientId, account.CheckedOut, account.EncounterCompleted, account.ClaimId, account.Charges);
}
