using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Referrals.Creating;
using static PatientFlow.Referral.Tests.Deciders.ReferralSpec;

namespace PatientFlow.Referral.Tests.Deciders;

public class CreatingTests
{
    private static CreateReferral Valid(ReferralUrgency urgency = ReferralUrgency.Routine) =>
        new(VisitId, ReferralKind.Specialist, "Cardiology", urgency, "Exertional chest pain, abnormal ECG");

    [Fact]
    public void GivenKnownVisit_WhenCreateReferral_ThenReferralCreatedForTheVisitsPatient() =>
        When(Valid()).Then(new ReferralCreated(
            ReferralId, VisitId, PatientId, ReferralKind.Specialist, "cardiology", ReferralUrgency.Routine,
            "Exertional chest pain, abnormal ECG", Now, Now.AddDays(14)));

    [Fact]
    public void GivenKnownVisit_WhenAdmissionReferred_ThenAdmissionRequestedFromTheFacility() =>
        When(new CreateReferral(VisitId, ReferralKind.Admission, "cardiology", ReferralUrgency.Emergent, "NSTEMI", " St. Mary's Hospital "))
            .Then(
                new ReferralCreated(ReferralId, VisitId, PatientId, ReferralKind.Admission, "cardiology", ReferralUrgency.Emergent, "NSTEMI", Now,
                    Now.AddDays(1), "St. Mary's Hospital"),
                new AdmissionRequested(ReferralId, VisitId, PatientId, "St. Mary's Hospital", ReferralUrgency.Emergent, Now));

    [Fact]
    public void GivenKnownVisit_WhenAdmissionWithoutFacility_ThenAdmittingFacilityRejected() =>
        When(new CreateReferral(VisitId, ReferralKind.Admission, "cardiology", ReferralUrgency.Emergent, "NSTEMI")).ThenRejects("admittingFacility");

    [Fact]
    public void GivenKnownVisit_WhenSpecialistReferralNamesAnAdmittingFacility_ThenAdmittingFacilityRejected() =>
        When(Valid() with { AdmittingFacility = "St. Mary's" }).ThenRejects("admittingFacility");

    [Theory]
    [InlineData(ReferralUrgency.Routine, 14)]
    [InlineData(ReferralUrgency.Urgent, 3)]
    [InlineData(ReferralUrgency.Emergent, 1)]
    public void GivenKnownVisit_WhenCreateReferral_ThenScheduleByIsDeadlineForUrgency(ReferralUrgency urgency, int days) =>
        When(Valid(urgency)).ThenSingle<ReferralCreated>().ScheduleBy.Should().Be(Now.AddDays(days));

    [Fact]
    public void GivenKnownVisit_WhenCreateReferralWithoutKind_ThenKindRejected() =>
        When(Valid() with { Kind = null }).ThenRejects("kind");

    [Fact]
    public void GivenKnownVisit_WhenCreateReferralWithoutUrgency_ThenUrgencyRejected() =>
        When(Valid() with { Urgency = null }).ThenRejects("urgency");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void GivenKnownVisit_WhenCreateReferralWithBlankSpecialty_ThenSpecialtyRejected(string? specialty) =>
        When(Valid() with { Specialty = specialty }).ThenRejects("specialty");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void GivenKnownVisit_WhenCreateReferralWithBlankReason_ThenReasonRejected(string? reason) =>
        When(Valid() with { Reason = reason }).ThenRejects("reason");

    [Fact]
    public void GivenKnownVisit_WhenCreateReferralWithReasonOver500_ThenReasonRejected() =>
        When(Valid() with { Reason = new string('x', 501) }).ThenRejects("reason");

    [Fact]
    public void GivenKnownVisit_WhenCreateReferralWithReasonOf500_ThenAccepted() =>
        When(Valid() with { Reason = $"  {new string('x', 500)}  " }).ThenSingle<ReferralCreated>().Reason.Should().HaveLength(500);
}
