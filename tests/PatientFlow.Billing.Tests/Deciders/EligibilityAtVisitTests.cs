using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.RecordingVisit;
using static PatientFlow.Billing.Tests.Deciders.AccountSpec;

namespace PatientFlow.Billing.Tests.Deciders;

/// <summary>The payer's answers at booking and at check-in, as the visit's account records them, and the copay they set.</summary>
public class EligibilityAtVisitTests
{
    private static readonly Guid CoverageId = Guid.CreateVersion7();
    private static readonly DateTimeOffset BookedAt = StartsAt.AddDays(-7);
    private static readonly DateTimeOffset CheckedInAt = StartsAt.AddMinutes(-10);

    private static readonly RecordAppointment BookFollowUp = Book with { VisitType = "follow-up" };
    private static readonly AppointmentRecorded BookedFollowUp = Booked with { VisitType = "follow-up" };
    private static readonly RecordCheckIn CheckIn = new(VisitId, PatientId, CheckedInAt);
    private static readonly CheckInRecorded CheckedIn = new(VisitId, PatientId, CheckedInAt);

    // Booking and check-in answers differ in every field that matters, so it is visible which one the account shows.
    private static readonly EligibilityRecorded AtBooking = new(
        VisitId, PatientId, EligibilityStage.Booking, CoverageId, true, 40m, 1500m, "active", BookedAt, "USD");

    private static readonly EligibilityRecorded AtCheckIn = new(
        VisitId, PatientId, EligibilityStage.CheckIn, CoverageId, true, 25m, 1100m, "active", CheckedInAt, "USD");

    private static readonly EligibilityRecorded InactiveAtCheckIn = AtCheckIn with { Active = false, Reason = "coverage ended 2025-02-28" };

    private static readonly EligibilityRecorded SelfPayAtCheckIn = new(
        VisitId, PatientId, EligibilityStage.CheckIn, null, false, 0m, 0m, "no coverage on file: self-pay", CheckedInAt, "USD");

    private static BillingAccount? State(params object[] history) => BillingAccount.Replay(null, history);

    private static BillingAccount After(BillingAccount? state, VisitDecision decision) => BillingAccount.Replay(state, decision.AccountEvents)!;

    private static void ThenRecords(VisitDecision decision, params object[] expected)
    {
        decision.AccountEvents.Should().BeEquivalentTo(expected, options => options.RespectingRuntimeTypes().WithStrictOrdering());
        decision.Claim.Should().BeNull();
    }

    // Booking

    [Fact]
    public void GivenNoAccount_WhenRecordAppointmentWithBookingAnswer_ThenAppointmentWithVisitTypeThenTheAnswerAreRecorded() =>
        ThenRecords(RecordAppointmentDecider.Decide(null, BookFollowUp, Next, AtBooking), BookedFollowUp, AtBooking);

    [Fact]
    public void GivenCheckOutStartedTheAccount_WhenRecordAppointmentWithBookingAnswer_ThenBothRecorded() =>
        ThenRecords(RecordAppointmentDecider.Decide(State(CheckedOut), BookFollowUp, Next, AtBooking), BookedFollowUp, AtBooking);

    [Fact]
    public void GivenBooked_WhenRecordAppointmentAgainWithAnotherAnswer_ThenNothingIsRecorded() =>
        ThenRecords(RecordAppointmentDecider.Decide(
            State(BookedFollowUp, AtBooking), BookFollowUp with { Clinic = "south", VisitType = "new-patient" }, Next, AtBooking with { Copay = 60m }));

    [Fact]
    public void GivenBooked_WhenRecordAppointmentAgainWithAnotherAnswer_ThenTheFirstAnswerStands()
    {
        var state = State(BookedFollowUp, AtBooking);

        var decision = RecordAppointmentDecider.Decide(state, BookFollowUp, Next, AtBooking with { Active = false, Reason = "member terminated by the payer" });

        After(state, decision).Eligibility.Should().Be(AtBooking);
    }

    [Fact]
    public void GivenBookedWithAnswer_WhenNotCheckedIn_ThenEligibilityIsTheBookingAnswer()
    {
        var state = State();

        var account = After(state, RecordAppointmentDecider.Decide(state, BookFollowUp, Next, AtBooking));

        account.Eligibility.Should().Be(AtBooking);
        account.BookingEligibility.Should().Be(AtBooking);
        account.CheckInEligibility.Should().BeNull();
    }

    [Fact]
    public void GivenBookingAnswerWithCopay_WhenNotCheckedIn_ThenNoCopayIsDueYet() =>
        State(BookedFollowUp, AtBooking)!.CopayDue.Should().Be(0m);

    // Check-in

    [Fact]
    public void GivenBooked_WhenRecordCheckInWithCheckInAnswer_ThenCheckInThenTheAnswerAreRecorded() =>
        ThenRecords(RecordCheckInDecider.Decide(State(BookedFollowUp, AtBooking), CheckIn, AtCheckIn, Next), CheckedIn, AtCheckIn);

    [Fact]
    public void GivenNoAccount_WhenRecordCheckInWithCheckInAnswer_ThenTheCheckInStartsTheAccount() =>
        ThenRecords(RecordCheckInDecider.Decide(null, CheckIn, AtCheckIn, Next), CheckedIn, AtCheckIn);

    [Fact]
    public void GivenCheckedInWithActiveCoverage_WhenAccountRebuilt_ThenCopayDueIsTheCheckInCopayNotTheBookingCopay()
    {
        var state = State(BookedFollowUp, AtBooking);

        var account = After(state, RecordCheckInDecider.Decide(state, CheckIn, AtCheckIn, Next));

        account.CheckedInAt.Should().Be(CheckedInAt);
        account.CopayDue.Should().Be(25m);
        account.CopayOutstanding.Should().Be(25m);
    }

    [Fact]
    public void GivenCheckedInWithInactiveCoverage_WhenAccountRebuilt_ThenNoCopayIsDue()
    {
        var state = State(BookedFollowUp, AtBooking);

        var account = After(state, RecordCheckInDecider.Decide(state, CheckIn, InactiveAtCheckIn, Next));

        account.CheckInEligibility.Should().Be(InactiveAtCheckIn);
        account.CopayDue.Should().Be(0m);
    }

    [Fact]
    public void GivenCheckedInSelfPay_WhenAccountRebuilt_ThenNoCopayIsDue()
    {
        // A stray copay on a self-pay answer must not be asked for at the desk: self-pay is never active coverage.
        var selfPay = SelfPayAtCheckIn with { Copay = 25m };
        var state = State(BookedFollowUp, AtBooking);

        var account = After(state, RecordCheckInDecider.Decide(state, CheckIn, selfPay, Next));

        account.CheckInEligibility!.CoverageId.Should().BeNull();
        account.CopayDue.Should().Be(0m);
    }

    [Fact]
    public void GivenCheckedIn_WhenRecordCheckInAgainWithAnotherAnswer_ThenNothingIsRecorded() =>
        ThenRecords(RecordCheckInDecider.Decide(
            State(BookedFollowUp, AtBooking, CheckedIn, AtCheckIn), CheckIn with { CheckedInAt = CheckedInAt.AddMinutes(3) }, InactiveAtCheckIn, Next));

    [Fact]
    public void GivenCheckedIn_WhenRecordCheckInAgainWithAnotherAnswer_ThenTheFirstAnswerAndItsCopayStand()
    {
        var state = State(BookedFollowUp, AtBooking, CheckedIn, AtCheckIn);

        var account = After(state, RecordCheckInDecider.Decide(state, CheckIn, InactiveAtCheckIn, Next));

        account.CheckedInAt.Should().Be(CheckedInAt);
        account.Eligibility.Should().Be(AtCheckIn);
        account.CopayDue.Should().Be(25m);
    }

    [Fact]
    public void GivenBookingAnswer_WhenCheckedInWithCheckInAnswer_ThenEligibilityIsTheCheckInAnswer()
    {
        var state = State(BookedFollowUp, AtBooking);

        var account = After(state, RecordCheckInDecider.Decide(state, CheckIn, AtCheckIn, Next));

        account.Eligibility.Should().Be(AtCheckIn);
        account.BookingEligibility.Should().Be(AtBooking);
    }

    [Fact]
    public void GivenCheckedInWithAnswer_WhenBookingArrivesLate_ThenEligibilityIsStillTheCheckInAnswer()
    {
        // Facts arrive in any order: the booking's answer, recorded after check-in's, must not replace it.
        var state = State(CheckedIn, AtCheckIn);

        var account = After(state, RecordAppointmentDecider.Decide(state, BookFollowUp, Next, AtBooking));

        account.BookingEligibility.Should().Be(AtBooking);
        account.Eligibility.Should().Be(AtCheckIn);
        account.CopayDue.Should().Be(25m);
    }
}
