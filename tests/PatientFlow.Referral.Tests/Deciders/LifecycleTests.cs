using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Referrals.Authorizing;
using PatientFlow.Referral.Referrals.ClosingTheLoop;
using PatientFlow.Referral.Referrals.Deadlines;
using PatientFlow.Referral.Referrals.Scheduling;
using static PatientFlow.Referral.Tests.Deciders.ReferralSpec;

namespace PatientFlow.Referral.Tests.Deciders;

public class AuthorizationTests
{
    [Fact]
    public void GivenNewReferral_WhenAuthorizationRequested_ThenRequestedFromThePayer() =>
        Given(Created()).When(r => RequestAuthorizationDecider.Decide(r, new RequestAuthorization(" Acme Health "), Staff, Now))
            .Then(new AuthorizationRequested(ReferralId, VisitId, PatientId, "Acme Health", Staff, Now));

    [Fact]
    public void GivenPendingRequest_WhenRequestedAgain_ThenConflict() =>
        Given(Created(), AuthRequested()).When(r => RequestAuthorizationDecider.Decide(r, new RequestAuthorization("Acme"), Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenPendingRequest_WhenApproved_ThenApprovedWithNumberDatesAndVisits() =>
        Given(Created(), AuthRequested())
            .When(r => ApproveAuthorizationDecider.Decide(r, new ApproveAuthorization("PA-1", new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1), 3), Now))
            .Then(new AuthorizationApproved(ReferralId, VisitId, PatientId, "PA-1", new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1), 3, Now));

    [Theory]
    [InlineData(null, "2025-03-01", "2025-06-01", 3, "authorizationNumber")]
    [InlineData("PA-1", "2025-06-02", "2025-06-01", 3, "validTo")]
    [InlineData("PA-1", "2025-03-01", "2025-06-01", 0, "visitsAllowed")]
    [InlineData("PA-1", "2025-03-01", "2025-06-01", null, "visitsAllowed")]
    public void GivenPendingRequest_WhenApprovalIncomplete_ThenTheFieldIsRejected(string? number, string from, string to, int? visits, string field) =>
        Given(Created(), AuthRequested())
            .When(r => ApproveAuthorizationDecider.Decide(r, new ApproveAuthorization(number, DateOnly.Parse(from), DateOnly.Parse(to), visits), Now)).ThenRejects(field);

    [Fact]
    public void GivenNoRequest_WhenApproved_ThenConflict() =>
        Given(Created()).When(r => ApproveAuthorizationDecider.Decide(r, new ApproveAuthorization("PA-1", new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1), 1), Now)).ThenConflicts();

    [Fact]
    public void GivenPendingRequest_WhenDeniedWithoutReason_ThenReasonRejected() =>
        Given(Created(), AuthRequested()).When(r => DenyAuthorizationDecider.Decide(r, new DenyAuthorization(), Now)).ThenRejects("reason");

    [Fact]
    public void GivenDenied_WhenAppealed_ThenPendingAgainAndApprovable()
    {
        var appealed = new AuthorizationAppealed(ReferralId, VisitId, PatientId, "new ECG findings", Staff, Now);
        Given(Created(), AuthRequested(), AuthDenied()).When(r => AppealDenialDecider.Decide(r, new AppealDenial("new ECG findings"), Staff, Now)).Then(appealed);
        Given(Created(), AuthRequested(), AuthDenied(), appealed)
            .When(r => ApproveAuthorizationDecider.Decide(r, new ApproveAuthorization("PA-2", new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1), 1), Now))
            .ThenSingle<AuthorizationApproved>();
    }

    [Fact]
    public void GivenApproved_WhenAppealed_ThenConflict() =>
        Given(Created(), AuthRequested(), AuthApproved()).When(r => AppealDenialDecider.Decide(r, new AppealDenial("x"), Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenDenied_WhenAppealedWithoutGrounds_ThenGroundsRejected() =>
        Given(Created(), AuthRequested(), AuthDenied()).When(r => AppealDenialDecider.Decide(r, new AppealDenial(" "), Staff, Now)).ThenRejects("grounds");
}

public class BookingRuleTests
{
    private static readonly BookInNetwork Slot = new(ProviderId, Guid.CreateVersion7());

    private static IReadOnlyList<object> Bookable(Referral.Referrals.Referral r, BookInNetwork? command = null)
    {
        BookInNetworkDecider.EnsureBookable(r, command ?? Slot, Now);
        return [];
    }

    [Fact]
    public void GivenNewReferralWithoutAuthorization_WhenBookable_ThenTheVisitTypeDefaultsToNewPatient() =>
        BookInNetworkDecider.EnsureBookable(Given(Created()).State, Slot, Now).VisitType.Should().Be("new-patient");

    [Fact]
    public void GivenApprovedAuthorization_WhenBookable_ThenAllowed() =>
        Given(Created(), AuthRequested(), AuthApproved()).When(r => Bookable(r)).Then();

    [Fact]
    public void GivenAuthorizationPending_WhenBooked_ThenConflictOnAuthorization() =>
        Given(Created(), AuthRequested()).When(r => Bookable(r)).ThenConflictsOn("authorization");

    [Fact]
    public void GivenAuthorizationDenied_WhenBooked_ThenConflictOnAuthorization() =>
        Given(Created(), AuthRequested(), AuthDenied()).When(r => Bookable(r)).ThenConflictsOn("authorization");

    [Fact]
    public void GivenAuthorizationExpiredYesterday_WhenBooked_ThenConflictOnAuthorization() =>
        Given(Created(), AuthRequested(), AuthApproved(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1))).When(r => Bookable(r)).ThenConflictsOn("authorization");

    [Fact]
    public void GivenAdmissionReferral_WhenBookedIntoAClinicSlot_ThenConflict() =>
        Given(Created(ReferralKind.Admission)).When(r => Bookable(r)).ThenConflicts();

    [Fact]
    public void GivenAlreadyScheduled_WhenBookedAgain_ThenConflict() =>
        Given(Created(), BookedInNetwork()).When(r => Bookable(r)).ThenConflicts();

    [Theory]
    [InlineData(true, "slotId")]
    [InlineData(false, "providerId")]
    public void GivenNewReferral_WhenBookingLacksAnId_ThenTheFieldIsRejected(bool hasProvider, string field) =>
        Given(Created()).When(r => Bookable(r, new BookInNetwork(hasProvider ? ProviderId : null, null))).ThenRejects(field);

    [Fact]
    public void GivenBookableReferral_WhenSchedulingBooked_ThenScheduledInNetworkWithTheAppointment()
    {
        var startsAt = Now.AddDays(2);
        Given(Created()).When(r => BookInNetworkDecider.Decide(r, new BookedSlot(AppointmentId, ProviderId, "north", startsAt), Staff, Now))
            .Then(new ReferralScheduled(ReferralId, VisitId, PatientId, true, AppointmentId, ProviderId, "north", startsAt, Staff, Now));
    }

    [Fact]
    public void GivenImagingReferral_WhenBookedOutside_ThenScheduledAtTheFacility() =>
        Given(Created(ReferralKind.Imaging)).When(r => RecordExternalBookingDecider.Decide(r, new RecordExternalBooking(" Lakeside Imaging ", Now.AddDays(3)), Staff, Now))
            .Then(new ReferralScheduled(ReferralId, VisitId, PatientId, false, null, null, "Lakeside Imaging", Now.AddDays(3), Staff, Now));

    [Theory]
    [InlineData(null, true, "facility")]
    [InlineData("Lakeside", false, "appointmentAt")]
    public void GivenReferral_WhenExternalBookingIncomplete_ThenTheFieldIsRejected(string? facility, bool hasTime, string field) =>
        Given(Created(ReferralKind.Imaging)).When(r => RecordExternalBookingDecider.Decide(r, new RecordExternalBooking(facility, hasTime ? Now.AddDays(1) : null), Staff, Now))
            .ThenRejects(field);

    [Fact]
    public void GivenReopenedAfterANoShow_WhenBookedAgain_ThenANewBookingRequestId()
    {
        var first = Given(Created()).State.BookingRequestId;
        var reopened = Given(Created(), BookedInNetwork(), new ReferralReopened(ReferralId, VisitId, PatientId, ReopenReason.NoShow, AppointmentId, Now.AddDays(3), Now)).State;

        reopened.BookingRequestId.Should().NotBe(first);
        BookInNetworkDecider.EnsureBookable(reopened, Slot, Now).Should().NotBeNull();
    }
}

public class LoopTests
{
    [Fact]
    public void GivenScheduledSpecialist_WhenConsultReportReceived_ThenTheLoopCloses() =>
        Given(Created(), BookedInNetwork())
            .When(r => ReceiveReportDecider.Decide(r, new ReceiveReport(ReportKind.ConsultReport, "Stress echo normal"), Staff, Now))
            .Then(new ReferralReportReceived(ReferralId, VisitId, PatientId, ReportKind.ConsultReport, "Stress echo normal", Staff, Now));

    [Fact]
    public void GivenScheduledImaging_WhenAConsultReportArrives_ThenKindRejected() =>
        Given(Created(ReferralKind.Imaging), BookedOutside())
            .When(r => ReceiveReportDecider.Decide(r, new ReceiveReport(ReportKind.ConsultReport, "x"), Staff, Now)).ThenRejects("kind");

    [Fact]
    public void GivenUnscheduled_WhenReportReceived_ThenConflict() =>
        Given(Created()).When(r => ReceiveReportDecider.Decide(r, new ReceiveReport(ReportKind.ConsultReport, "x"), Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenComplete_WhenAnythingElseIsDecided_ThenConflict()
    {
        var complete = Given(Created(), BookedInNetwork(), new ReferralReportReceived(ReferralId, VisitId, PatientId, ReportKind.ConsultReport, "x", Staff, Now));
        complete.When(r => ReceiveReportDecider.Decide(r, new ReceiveReport(ReportKind.ConsultReport, "again"), Staff, Now)).ThenConflicts();
        complete.When(r => CancelReferralDecider.Decide(r, new CancelReferral("no longer needed"), Staff, Now)).ThenConflicts();
        complete.When(r => RequestAuthorizationDecider.Decide(r, new RequestAuthorization("Acme"), Staff, Now)).ThenConflicts();
    }

    [Fact]
    public void GivenScheduledInNetwork_WhenItsAppointmentIsANoShow_ThenReopenedWithAFreshDeadlineForItsUrgency() =>
        Given(Created(urgency: ReferralUrgency.Urgent), BookedInNetwork())
            .When(r => ReopenReferralDecider.Decide(r, AppointmentId, ReopenReason.NoShow, Deadlines, Now))
            .Then(new ReferralReopened(ReferralId, VisitId, PatientId, ReopenReason.NoShow, AppointmentId, Now.AddDays(3), Now));

    [Fact]
    public void GivenScheduledInNetwork_WhenAnotherAppointmentIsANoShow_ThenNothing() =>
        Given(Created(), BookedInNetwork()).When(r => ReopenReferralDecider.Decide(r, Guid.CreateVersion7(), ReopenReason.NoShow, Deadlines, Now)).Then();

    [Fact]
    public void GivenCompleted_WhenTheAppointmentIsCancelledLater_ThenNothing() =>
        Given(Created(), BookedInNetwork(), new ReferralReportReceived(ReferralId, VisitId, PatientId, ReportKind.ConsultReport, "x", Staff, Now))
            .When(r => ReopenReferralDecider.Decide(r, AppointmentId, ReopenReason.AppointmentCancelled, Deadlines, Now)).Then();

    [Fact]
    public void GivenBookedOutside_WhenTheFacilityReportsANoShow_ThenReopened() =>
        Given(Created(ReferralKind.Imaging), BookedOutside())
            .When(r => RecordMissedAppointmentDecider.Decide(r, new RecordMissedAppointment(ReopenReason.NoShow), Deadlines, Now))
            .ThenSingle<ReferralReopened>().AppointmentId.Should().BeNull();

    [Fact]
    public void GivenBookedInNetwork_WhenANoShowIsReportedByHand_ThenConflictBecauseSchedulingReportsIt() =>
        Given(Created(), BookedInNetwork()).When(r => RecordMissedAppointmentDecider.Decide(r, new RecordMissedAppointment(ReopenReason.NoShow), Deadlines, Now)).ThenConflicts();

    [Fact]
    public void GivenOpenReferral_WhenCancelledWithoutReason_ThenReasonRejected() =>
        Given(Created()).When(r => CancelReferralDecider.Decide(r, new CancelReferral(), Staff, Now)).ThenRejects("reason");
}

public class OverdueTests
{
    private static readonly TimeSpan ReportWithin = TimeSpan.FromDays(7);

    [Fact]
    public void GivenUnscheduledPastItsDeadline_WhenSwept_ThenSchedulingOverdueOnce()
    {
        var created = Created(urgency: ReferralUrgency.Urgent);
        var late = created.ScheduleBy.AddMinutes(1);
        var overdue = new ReferralSchedulingOverdue(ReferralId, VisitId, PatientId, created.ScheduleBy, late);
        Given(created).When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, late)).Then(overdue);
        Given(created, overdue).When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, late.AddDays(1))).Then();
    }

    [Fact]
    public void GivenUnscheduledBeforeItsDeadline_WhenSwept_ThenNothing() =>
        Given(Created()).When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, Created().ScheduleBy.AddMinutes(-1))).Then();

    [Fact]
    public void GivenSeenWithoutAReportPastTheWindow_WhenSwept_ThenReportOverdueOnce()
    {
        var seenAt = Now.AddDays(-10);
        var overdue = new ReferralReportOverdue(ReferralId, VisitId, PatientId, seenAt + ReportWithin, Now);
        Given(Created(), BookedInNetwork(seenAt)).When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, Now)).Then(overdue);
        Given(Created(), BookedInNetwork(seenAt), overdue).When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, Now.AddDays(1))).Then();
    }

    [Fact]
    public void GivenSeenAndReported_WhenSweptLater_ThenNothing() =>
        Given(Created(), BookedInNetwork(Now.AddDays(-10)), new ReferralReportReceived(ReferralId, VisitId, PatientId, ReportKind.ConsultReport, "x", Staff, Now.AddDays(-9)))
            .When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, Now)).Then();

    [Fact]
    public void GivenOverdueThenReopened_WhenPastTheNewDeadline_ThenOverdueAgain()
    {
        var created = Created(urgency: ReferralUrgency.Emergent);
        var reopened = new ReferralReopened(ReferralId, VisitId, PatientId, ReopenReason.NoShow, AppointmentId, Now.AddDays(1), Now);
        Given(created, new ReferralSchedulingOverdue(ReferralId, VisitId, PatientId, created.ScheduleBy, Now), BookedInNetwork(), reopened)
            .When(r => ReferralDeadlineDecider.Decide(r, ReportWithin, Now.AddDays(2)))
            .ThenSingle<ReferralSchedulingOverdue>().ScheduleBy.Should().Be(Now.AddDays(1));
    }
}
