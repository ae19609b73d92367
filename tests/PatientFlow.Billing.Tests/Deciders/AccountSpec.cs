using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Fees;
using PatientFlow.Testing;

namespace PatientFlow.Billing.Tests.Deciders;

/// <summary>Given(account events).When(command).Then(account events, then the claim if one was drafted).</summary>
internal static class AccountSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid ProviderId = Guid.CreateVersion7();
    public static readonly Guid OrderId = Guid.CreateVersion7();
    public static readonly Guid ClaimId = Guid.CreateVersion7();
    // Late evening in the clinic is already the next day in UTC: the date of service is the clinic's date.
    public static readonly DateTimeOffset StartsAt = new(2025, 3, 4, 20, 30, 0, TimeSpan.FromHours(-5));
    public static readonly DateTimeOffset CompletedAt = StartsAt.AddMinutes(25);
    public static readonly DateTimeOffset ResultedAt = StartsAt.AddMinutes(40);
    public static readonly DateTimeOffset CheckedOutAt = StartsAt.AddMinutes(45);
    public static readonly DateTimeOffset Now = StartsAt.AddMinutes(46);

    public static readonly FeeSchedule Fees = new("USD", new Dictionary<string, decimal>
    {
        ["99213"] = 90.00m, ["87880"] = 25.00m, ["82947"] = 15.00m, ["36415"] = 10.00m,
    });

    public static readonly NewClaim Next = new(ClaimId, "USD", Now);

    public static readonly RecordAppointment Book = new(VisitId, PatientId, ProviderId, "north", StartsAt);
    public static readonly ChargeEncounter Complete = new(
        VisitId, PatientId, ProviderId, ["J02.9", "R50.9"], [new PerformedProcedure("99213", 1), new PerformedProcedure("87880", 1)], CompletedAt);
    public static readonly ChargeLabResult Result = new(VisitId, PatientId, OrderId, "82947", ResultedAt);
    public static readonly RecordCheckOut CheckOut = new(VisitId, PatientId, CheckedOutAt);

    public static readonly Charge OfficeVisit = new(ChargeSource.Encounter, "99213", 1, 90.00m, 90.00m, "USD", [1, 2], false);
    public static readonly Charge StrepTest = new(ChargeSource.Encounter, "87880", 1, 25.00m, 25.00m, "USD", [1, 2], false);
    public static readonly Charge Glucose = new(ChargeSource.Lab, "82947", 1, 15.00m, 15.00m, "USD", [], false);

    public static readonly AppointmentRecorded Booked = new(VisitId, PatientId, ProviderId, "north", StartsAt);
    public static readonly EncounterCharged Charged = new(VisitId, PatientId, ProviderId, ["J02.9", "R50.9"], [OfficeVisit, StrepTest], CompletedAt);
    public static readonly LabResultCharged LabCharged = new(VisitId, PatientId, OrderId, Glucose, ResultedAt);
    public static readonly CheckOutRecorded CheckedOut = new(VisitId, PatientId, CheckedOutAt);
    public static readonly ClaimDrafted Drafted = new(VisitId, ClaimId);

    public static Spec<BillingAccount> Given(params object[] history) => Spec<BillingAccount>.Given(history);

    public static Outcome When(this Spec<BillingAccount> spec, RecordAppointment command) => new(() => RecordAppointmentDecider.Decide(spec.Current, command, Next));

    public static Outcome When(this Spec<BillingAccount> spec, ChargeEncounter command, FeeSchedule? fees = null) =>
        new(() => ChargeEncounterDecider.Decide(spec.Current, command, fees ?? Fees, Next));

    public static Outcome When(this Spec<BillingAccount> spec, ChargeLabResult command) => new(() => ChargeLabResultDecider.Decide(spec.Current, command, Fees, Next));

    public static Outcome When(this Spec<BillingAccount> spec, RecordCheckOut command) => new(() => RecordCheckOutDecider.Decide(spec.Current, command, Next));

    internal sealed class Outcome(Func<VisitDecision> act)
    {
        public void Then(params object[] expected) =>
            Events().Should().BeEquivalentTo(expected, options => options.RespectingRuntimeTypes().WithStrictOrdering());

        public T ThenLast<T>() => Events().Should().NotBeEmpty().And.Subject.Last().Should().BeOfType<T>().Subject;

        private List<object> Events()
        {
            var decision = act();
            return decision.Claim is { } claim ? [.. decision.AccountEvents, claim] : [.. decision.AccountEvents];
        }
    }
}
