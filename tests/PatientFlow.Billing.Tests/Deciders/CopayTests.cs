using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Copay;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Billing.Tests.Deciders.AccountSpec;

namespace PatientFlow.Billing.Tests.Deciders;

/// <summary>The copay at the desk: collected once checked in with a copay due, up to what is still due; refunded per payment.</summary>
public class CopayTests
{
    private const string Receipt = "R-2025-000123";
    private const string Desk = "desk-ana";

    private static readonly Guid CoverageId = Guid.CreateVersion7();
    private static readonly DateTimeOffset CheckedInAt = StartsAt.AddMinutes(-10);
    private static readonly DateTimeOffset CollectedAt = StartsAt.AddMinutes(-8);
    private static readonly Guid PaymentId = Guid.CreateVersion7();
    private static readonly Guid RefundId = Guid.CreateVersion7();

    private static readonly CheckInRecorded CheckedIn = new(VisitId, PatientId, CheckedInAt);

    private static readonly EligibilityRecorded ActiveAtCheckIn = new(
        VisitId, PatientId, EligibilityStage.CheckIn, CoverageId, true, 25m, 1100m, "active", CheckedInAt, "USD");

    private static readonly EligibilityRecorded ActiveAtBooking = ActiveAtCheckIn with { Stage = EligibilityStage.Booking, CheckedAt = StartsAt.AddDays(-7) };

    private static readonly EligibilityRecorded InactiveAtCheckIn = ActiveAtCheckIn with { Active = false, Copay = 0m, Reason = "coverage ended 2025-02-28" };

    private static readonly EligibilityRecorded SelfPayAtCheckIn = new(
        VisitId, PatientId, EligibilityStage.CheckIn, null, false, 0m, 0m, "no coverage on file: self-pay", CheckedInAt, "USD");

    private static CopayCollected Paid(decimal amount, Guid? paymentId = null) => new(
        VisitId, PatientId, paymentId ?? PaymentId, Receipt, amount, "USD", PaymentMethod.Cash, null, Desk, CollectedAt);

    private static CopayRefunded Refunded(decimal amount, Guid? paymentId = null) => new(
        VisitId, PatientId, paymentId ?? PaymentId, Guid.CreateVersion7(), amount, "overpaid", Desk, CollectedAt.AddMinutes(5));

    /// <summary>Booked, checked in with active coverage and a $25 copay, then <paramref name="more"/>.</summary>
    private static BillingAccount CheckedInOwing25(params object[] more) => BillingAccount.Replay(null, [Booked, CheckedIn, ActiveAtCheckIn, .. more])!;

    private static IReadOnlyList<object> Collect(BillingAccount account, CollectCopay command) =>
        CollectCopayDecider.Decide(account, command, PaymentId, Receipt, "USD", Desk, Now);

    private static IReadOnlyList<object> Refund(BillingAccount account, RefundCopay command, Guid? paymentId = null) =>
        RefundCopayDecider.Decide(account, paymentId ?? PaymentId, command, RefundId, Desk, Now);

    private static void ShouldRejectField(Func<IReadOnlyList<object>> decide, string field) =>
        decide.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);

    // Collect: when a copay may be taken

    [Fact]
    public void GivenBookedWithActiveAnswerButNotCheckedIn_WhenCollect_ThenConflictOfKindCopay()
    {
        var account = BillingAccount.Replay(null, [Booked, ActiveAtBooking])!;

        var collect = () => Collect(account, new CollectCopay(25m, PaymentMethod.Cash));

        collect.Should().Throw<ConflictException>().Which.Kind.Should().Be("copay");
    }

    [Fact]
    public void GivenCheckInAnswerButNoCheckIn_WhenCollect_ThenConflictOfKindCopay()
    {
        // The answer alone (copay 25) is not an arrival: the patient is not checked in.
        var account = BillingAccount.Replay(null, [Booked, ActiveAtCheckIn])!;

        var collect = () => Collect(account, new CollectCopay(25m, PaymentMethod.Cash));

        collect.Should().Throw<ConflictException>().Which.Kind.Should().Be("copay");
    }

    [Fact]
    public void GivenCheckedInWithInactiveCoverage_WhenCollect_ThenConflictOfKindCopayNamingTheReason()
    {
        var account = BillingAccount.Replay(null, [Booked, CheckedIn, InactiveAtCheckIn])!;

        var collect = () => Collect(account, new CollectCopay(25m, PaymentMethod.Cash));

        collect.Should().Throw<ConflictException>().WithMessage("*coverage ended 2025-02-28*").Which.Kind.Should().Be("copay");
    }

    [Fact]
    public void GivenCheckedInSelfPay_WhenCollect_ThenConflictOfKindCopay()
    {
        var account = BillingAccount.Replay(null, [Booked, CheckedIn, SelfPayAtCheckIn])!;

        var collect = () => Collect(account, new CollectCopay(25m, PaymentMethod.Cash));

        collect.Should().Throw<ConflictException>().WithMessage("*self-pay*").Which.Kind.Should().Be("copay");
    }

    [Fact]
    public void GivenCheckedInWithoutAnyAnswer_WhenCollect_ThenConflictOfKindCopay()
    {
        var account = BillingAccount.Replay(null, [Booked, CheckedIn])!;

        var collect = () => Collect(account, new CollectCopay(25m, PaymentMethod.Cash));

        collect.Should().Throw<ConflictException>().Which.Kind.Should().Be("copay");
    }

    // Collect: the amount

    public static TheoryData<decimal?> BadAmounts() => new() { null, 0m, -5m, 10.005m };

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public void GivenCopayDue_WhenCollectMissingZeroNegativeOrThreeDecimalAmount_ThenAmountRejected(decimal? amount) =>
        ShouldRejectField(() => Collect(CheckedInOwing25(), new CollectCopay(amount, PaymentMethod.Cash)), "amount");

    [Fact]
    public void GivenCopayDue_WhenCollectMoreThanDue_ThenAmountRejected() =>
        ShouldRejectField(() => Collect(CheckedInOwing25(), new CollectCopay(25.01m, PaymentMethod.Cash)), "amount");

    [Fact]
    public void GivenPartPaid_WhenCollectMoreThanStillDue_ThenAmountRejected() =>
        ShouldRejectField(() => Collect(CheckedInOwing25(Paid(20m)), new CollectCopay(5.01m, PaymentMethod.Cash)), "amount");

    [Fact]
    public void GivenPartPaidThenPartRefunded_WhenCollectMoreThanStillDue_ThenAmountRejected() =>
        // 25 due, 20 paid, 5 of it refunded: 10 still due.
        ShouldRejectField(() => Collect(CheckedInOwing25(Paid(20m), Refunded(5m)), new CollectCopay(10.01m, PaymentMethod.Cash)), "amount");

    [Fact]
    public void GivenPartPaidThenPartRefunded_WhenCollectExactlyWhatIsStillDue_ThenCollected() =>
        Collect(CheckedInOwing25(Paid(20m), Refunded(5m)), new CollectCopay(10m, PaymentMethod.Cash))
            .Should().ContainSingle().Which.Should().BeOfType<CopayCollected>().Which.Amount.Should().Be(10m);

    [Fact]
    public void GivenFullyPaid_WhenCollectAgain_ThenAmountRejected() =>
        ShouldRejectField(() => Collect(CheckedInOwing25(Paid(25m)), new CollectCopay(0.01m, PaymentMethod.Cash)), "amount");

    // Collect: method and card reference

    [Fact]
    public void GivenCopayDue_WhenCollectWithoutMethod_ThenMethodRejected() =>
        ShouldRejectField(() => Collect(CheckedInOwing25(), new CollectCopay(25m)), "method");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void GivenCopayDue_WhenCollectByCardWithoutReference_ThenCardReferenceRejected(string? reference) =>
        ShouldRejectField(() => Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Card, reference)), "cardReference");

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111")]
    [InlineData("411111111111")]
    public void GivenCopayDue_WhenCollectByCardWithACardNumberAsReference_ThenCardReferenceRejected(string reference) =>
        ShouldRejectField(() => Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Card, reference)), "cardReference");

    [Fact]
    public void GivenCopayDue_WhenCollectByCardWithElevenDigitReference_ThenCollected() =>
        // Below the twelve digits of the shortest card number: a terminal's transaction reference.
        Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Card, "TX-12345678901"))
            .Should().ContainSingle().Which.Should().BeOfType<CopayCollected>().Which.CardReference.Should().Be("TX-12345678901");

    [Fact]
    public void GivenCopayDue_WhenCollectCashWithCardReference_ThenCardReferenceRejected() =>
        ShouldRejectField(() => Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Cash, "AUTH-7Q2K")), "cardReference");

    // Collect: accepted

    [Fact]
    public void GivenCopayDue_WhenCollectCash_ThenCollectedWithReceiptNumberAndCurrency() =>
        Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Cash)).Should().BeEquivalentTo(
            [new CopayCollected(VisitId, PatientId, PaymentId, Receipt, 25m, "USD", PaymentMethod.Cash, null, Desk, Now)],
            options => options.RespectingRuntimeTypes());

    [Fact]
    public void GivenCopayDue_WhenCollectByCardWithTerminalReference_ThenCollectedWithTrimmedReferenceReceiptNumberAndCurrency() =>
        Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Card, "  AUTH-7Q2K ")).Should().BeEquivalentTo(
            [new CopayCollected(VisitId, PatientId, PaymentId, Receipt, 25m, "USD", PaymentMethod.Card, "AUTH-7Q2K", Desk, Now)],
            options => options.RespectingRuntimeTypes());

    [Fact]
    public void GivenCopayDue_WhenCollectByCardWithLastFourDigits_ThenCollected() =>
        Collect(CheckedInOwing25(), new CollectCopay(25m, PaymentMethod.Card, "1111"))
            .Should().ContainSingle().Which.Should().BeOfType<CopayCollected>().Which.CardReference.Should().Be("1111");

    [Fact]
    public void GivenCopayDue_WhenPartCollected_ThenOutstandingIsTheRest()
    {
        var account = CheckedInOwing25();

        var after = BillingAccount.Replay(account, Collect(account, new CollectCopay(10m, PaymentMethod.Cash)))!;

        after.CopayDue.Should().Be(25m);
        after.CopayPaid.Should().Be(10m);
        after.CopayOutstanding.Should().Be(15m);
        after.Payments.Should().ContainSingle().Which.ReceiptNumber.Should().Be(Receipt);
    }

    [Fact]
    public void GivenPartPaidThenPartRefunded_WhenAccountRebuilt_ThenOutstandingCountsOnlyWhatWasKept() =>
        CheckedInOwing25(Paid(20m), Refunded(5m)).CopayOutstanding.Should().Be(10m);

    // Refund

    [Fact]
    public void GivenNoSuchPayment_WhenRefund_ThenNotFound()
    {
        var refund = () => Refund(CheckedInOwing25(Paid(25m)), new RefundCopay(5m, "overpaid"), Guid.CreateVersion7());

        refund.Should().Throw<NotFoundException>();
    }

    [Fact]
    public void GivenPayment_WhenRefundMoreThanWasPaid_ThenAmountRejected() =>
        ShouldRejectField(() => Refund(CheckedInOwing25(Paid(25m)), new RefundCopay(25.01m, "overpaid")), "amount");

    [Fact]
    public void GivenPaymentPartRefunded_WhenRefundMoreThanIsLeftOfIt_ThenAmountRejected() =>
        ShouldRejectField(() => Refund(CheckedInOwing25(Paid(25m), Refunded(20m)), new RefundCopay(5.01m, "overpaid")), "amount");

    [Fact]
    public void GivenPaymentPartRefunded_WhenRefundExactlyWhatIsLeftOfIt_ThenRefunded() =>
        Refund(CheckedInOwing25(Paid(25m), Refunded(20m)), new RefundCopay(5m, "overpaid"))
            .Should().ContainSingle().Which.Should().BeOfType<CopayRefunded>().Which.Amount.Should().Be(5m);

    [Fact]
    public void GivenTwoPayments_WhenRefundMoreThanThePaymentNamedButLessThanTotalPaid_ThenAmountRejected()
    {
        var other = Guid.CreateVersion7();

        ShouldRejectField(() => Refund(CheckedInOwing25(Paid(10m), Paid(15m, other)), new RefundCopay(12m, "overpaid")), "amount");
    }

    public static TheoryData<decimal?> BadRefundAmounts() => new() { null, 0m, -1m, 1.001m };

    [Theory]
    [MemberData(nameof(BadRefundAmounts))]
    public void GivenPayment_WhenRefundMissingZeroNegativeOrThreeDecimalAmount_ThenAmountRejected(decimal? amount) =>
        ShouldRejectField(() => Refund(CheckedInOwing25(Paid(25m)), new RefundCopay(amount, "overpaid")), "amount");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void GivenPayment_WhenRefundWithoutReason_ThenReasonRejected(string? reason) =>
        ShouldRejectField(() => Refund(CheckedInOwing25(Paid(25m)), new RefundCopay(5m, reason)), "reason");

    [Fact]
    public void GivenPayment_WhenRefundPart_ThenRefundedWithTrimmedReason() =>
        Refund(CheckedInOwing25(Paid(25m)), new RefundCopay(10m, " copay waived by the practice ")).Should().BeEquivalentTo(
            [new CopayRefunded(VisitId, PatientId, PaymentId, RefundId, 10m, "copay waived by the practice", Desk, Now)],
            options => options.RespectingRuntimeTypes());

    [Fact]
    public void GivenPayment_WhenRefundPart_ThenPaidIsNetOfRefundsAndTheRestIsDueAgain()
    {
        var account = CheckedInOwing25(Paid(25m));

        var after = BillingAccount.Replay(account, Refund(account, new RefundCopay(10m, "overpaid")))!;

        after.CopayPaid.Should().Be(15m);
        after.CopayOutstanding.Should().Be(10m);
        var payment = after.Payments.Should().ContainSingle().Subject;
        payment.Amount.Should().Be(25m);
        payment.Refunded.Should().Be(10m);
        payment.Net.Should().Be(15m);
    }
}
