using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;

namespace PatientFlow.Billing.Accounts.Copay;

/// <summary>The visit's copay at the desk: due, paid, and each payment with its refunds.</summary>
public sealed record VisitCopay(Guid VisitId, Guid PatientId, decimal CopayDue, decimal Paid, decimal StillDue, string Currency, EligibilityRecorded? Eligibility, IReadOnlyList<CopayPayment> Payments)
{
    public static VisitCopay From(BillingAccount a, string currency) =>
        new(a.Id, a.PatientId, a.CopayDue, a.CopayPaid, a.CopayOutstanding, currency, a.Eligibility, a.Payments);
}

/// <summary>One visit's share of a patient's balance: the copay until the payer has decided, then the payer's patient responsibility.</summary>
public sealed record VisitBalance(
    Guid VisitId, DateTimeOffset? StartsAt, Guid? ClaimId, ClaimStatus? ClaimStatus, string Basis, decimal Owed, decimal Paid, decimal Balance);

public sealed record PatientBalance(Guid PatientId, string Currency, decimal Balance, IReadOnlyList<VisitBalance> Visits);

/// <summary>A visit the front desk should act on: coverage inactive or not on file.</summary>
public sealed record EligibilityAlert(Guid VisitId, Guid PatientId, DateTimeOffset? StartsAt, string? Clinic, string? VisitType, string Stage, string Reason, DateTimeOffset CheckedAt);

/// <summary>Reads of copays, balances and eligibility alerts, from the account stream and its <see cref="AccountView"/>.</summary>
public static class CopayQueries
{
    public static async Task<Ok<VisitCopay>> Copay(Guid patientId, Guid visitId, IQuerySession session, FeeSchedule fees, HttpContext http, CancellationToken ct)
    {
        var (account, version) = await BillingAccount.LoadAsync(session, patientId, visitId, ct);
        StreamVersion.SetETag(http, version);
        return TypedResults.Ok(VisitCopay.From(account, fees.Currency));
    }

    public static async Task<Ok<CopayReceipt>> Receipt(Guid patientId, Guid visitId, Guid paymentId, IQuerySession session, FeeSchedule fees, CancellationToken ct)
    {
        var (account, _) = await BillingAccount.LoadAsync(session, patientId, visitId, ct);
        var payment = account.Payments.FirstOrDefault(p => p.PaymentId == paymentId) ?? throw new NotFoundException($"visit {visitId} has no payment {paymentId}");
        return TypedResults.Ok(CopayReceipt.For(account, payment, fees.Currency));
    }

    /// <summary>
    /// What the patient owes across visits: per visit the copay due until the payer has adjudicated the claim, then the
    /// payer's patient responsibility; less what was paid at the desk (net of refunds). Negative is a credit.
    /// </summary>
    public static async Task<Ok<PatientBalance>> Balance(Guid patientId, IQuerySession session, FeeSchedule fees, ClinicScope scope, CancellationToken ct)
    {
        // The balance of the patient's visits in the caller's clinics.
        var accounts = await session.Query<AccountView>().Where(a => a.PatientId == patientId).Within(scope, a => a.Clinic!).ToListAsync(ct);
        var claims = (await session.Query<Claim>().Where(c => c.PatientId == patientId).Within(scope, c => c.Clinic!).ToListAsync(ct))
            .ToDictionary(c => c.VisitId);
        var visits = accounts
            .OrderBy(a => a.StartsAt)
            .Select(a =>
            {
                var claim = claims.GetValueOrDefault(a.VisitId);
                var adjudicated = claim?.PatientResponsibility;
                var owed = adjudicated ?? a.CopayDue;
                return new VisitBalance(a.VisitId, a.StartsAt, claim?.ClaimId, claim?.Status, adjudicated is null ? "copay" : "adjudicated", owed, a.CopayPaid, owed - a.CopayPaid);
            })
            .ToList();
        return TypedResults.Ok(new PatientBalance(patientId, fees.Currency, visits.Sum(v => v.Balance), visits));
    }

    /// <summary>Visits between <paramref name="from"/> and <paramref name="to"/> (default: from yesterday, two weeks ahead) whose coverage was found inactive or missing.</summary>
    public static async Task<Ok<IReadOnlyList<EligibilityAlert>>> Alerts(
        IQuerySession session, TimeProvider clock, ClinicScope scope, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var start = from ?? clock.GetUtcNow().AddDays(-1);
        var end = to ?? clock.GetUtcNow().AddDays(14);
        var found = await session.Query<AccountView>().Within(scope, a => a.Clinic!)
            .Where(a => a.EligibilityAlert && a.StartsAt >= start && a.StartsAt < end)
            .OrderBy(a => a.StartsAt)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<EligibilityAlert>>([.. found.Select(a => new EligibilityAlert(
            a.VisitId, a.PatientId, a.StartsAt, a.Clinic, a.VisitType, a.Eligibility!.Stage == EligibilityStage.CheckIn ? "check-in" : "booking",
            a.Eligibility.Reason, a.Eligibility.CheckedAt))]);
    }
}
