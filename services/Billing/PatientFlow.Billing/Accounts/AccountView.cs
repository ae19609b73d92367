using JasperFx;

namespace PatientFlow.Billing.Accounts;

/// <summary>
/// The account as the front desk's lists and a patient's balance read it: stored with every change of the account
/// stream, from the state the change was decided on, so it never runs ahead of or behind the events.
/// </summary>
public sealed record AccountView(
    [property: Identity] Guid VisitId,
    Guid PatientId,
    DateTimeOffset? StartsAt,
    string? Clinic,
    string? VisitType,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    EligibilityRecorded? Eligibility,
    decimal CopayDue,
    decimal CopayPaid,
    Guid? ClaimId)
{
    /// <summary>Coverage found inactive (or none on file) for a visit that has not yet left: the front desk should act before the visit ends.</summary>
    public bool EligibilityAlert { get; init; }

    /// <summary>
    /// A desk decision on the patient's visit account: refused (404) when the visit is not the patient's; otherwise its events,
    /// with the view stored from the state they leave, in the same commit.
    /// </summary>
    public static IReadOnlyList<object> Decided(IDocumentSession session, BillingAccount account, Guid patientId, Func<IReadOnlyList<object>> decide)
    {
        var events = account.PatientId == patientId ? decide() : throw BillingAccount.NotFound(patientId, account.Id);
        session.Store(From(BillingAccount.Replay(account, events)!));
        return events;
    }

    public static AccountView From(BillingAccount account) => new(
        account.Id, account.PatientId, account.Appointment?.StartsAt, account.Appointment?.Clinic, account.Appointment?.VisitType, account.CheckedInAt,
        account.CheckedOutAt, account.Eligibility, account.CopayDue, account.CopayPaid, account.ClaimId)
    {
        EligibilityAlert = account.Eligibility is { Active: false } && account.CheckedOutAt is null,
    };
}
