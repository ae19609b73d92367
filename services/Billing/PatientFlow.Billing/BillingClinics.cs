using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Claims;

namespace PatientFlow.Billing;

/// <summary>
/// The clinic of billing's records: a visit's account and its claim are the visit's clinic's. A patient's coverage is
/// seen in the clinics of the patient's visits; a patient billing knows no visit of yet (coverage taken at registration,
/// before the first booking) is any clinic's of the organisation.
/// </summary>
public static class BillingClinics
{
    public static async Task<RecordClinic?> VisitAsync(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<BillingAccount>(visitId, token: ct) is { } account
            ? Placed(account.Appointment?.Clinic, account.PatientId)
            : null;

    public static async Task<RecordClinic?> ClaimAsync(IQuerySession session, Guid claimId, CancellationToken ct) =>
        await session.LoadAsync<Claim>(claimId, ct) is { } claim ? Placed(claim.Clinic, claim.PatientId) : null;

    public static async Task<RecordClinic?> PatientAsync(IQuerySession session, Guid patientId, CancellationToken ct)
    {
        var accounts = await session.Query<AccountView>().Where(a => a.PatientId == patientId).ToListAsync(ct);
        return accounts.Count == 0
            ? RecordClinic.Anywhere(patientId)
            : new RecordClinic([.. accounts.Select(a => a.Clinic).OfType<string>().Distinct()], patientId);
    }

    // An account opened before its booking was known has no clinic yet: only a caller with every clinic sees it.
    private static RecordClinic Placed(string? clinic, Guid patientId) => clinic is null ? RecordClinic.NotKnownYet(patientId) : RecordClinic.In(clinic, patientId);
}
