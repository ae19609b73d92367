using Hl7.Fhir.Model;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Fhir;
using static PatientFlow.Tracking.Tests.Fhir.FhirJson;

namespace PatientFlow.Tracking.Tests.Fhir;

public class BillingTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();
    private readonly Guid claimId = Guid.CreateVersion7();

    private static Coverage CoverageOf(params IVisitEvent[] events) => RoundTrip(VisitResources.Build(events).Coverages.Single());

    private static Claim ClaimOf(params IVisitEvent[] events) => RoundTrip(VisitResources.Build(events).Claims.Single());

    [Fact]
    public void Build_EligibilityActive_ActiveCoverageWithCopayAndThePayer()
    {
        var eligibility = visit.Eligibility(minute: 2, active: true, copay: 25m);

        var coverage = CoverageOf(visit.CheckedIn(payer: "Acme Health"), eligibility);

        coverage.Id.Should().Be(visit.PatientId.ToString("D"));
        coverage.Status.Should().Be(FinancialResourceStatusCodes.Active);
        coverage.Beneficiary.Reference.Should().Be($"Patient/{visit.PatientId:D}");
        coverage.Payor.Single().Display.Should().Be("Acme Health");
        var copay = coverage.CostToBeneficiary.Single();
        copay.Type?.Coding.Single().Should().BeEquivalentTo(new { System = Terminology.CopayType, Code = "copay" });
        ((Money)copay.Value).Should().BeEquivalentTo(new { Value = 25m, Currency = Money.Currencies.USD });
        coverage.Meta?.LastUpdated.Should().Be(eligibility.RecordedAt);
        FhirJson.Json(coverage).Should().NotContain("ACM-1", "the member id identifies the patient and stays in PatientFlow");
    }

    [Fact]
    public void Build_SelfPayIneligible_CancelledCoveragePaidByThePatient()
    {
        var coverage = CoverageOf(visit.CheckedIn(payer: null, memberId: null), visit.Eligibility(active: false));

        coverage.Status.Should().Be(FinancialResourceStatusCodes.Cancelled);
        coverage.CostToBeneficiary.Should().BeEmpty();
        coverage.Payor.Single().Reference.Should().Be($"Patient/{visit.PatientId:D}");
    }

    [Fact]
    public void Build_EligibilityAtBookingBeforeAnyPayerNamed_PayorAbsentWithAReason()
    {
        var coverage = CoverageOf(visit.Booked(), visit.Eligibility(minute: -24 * 60 + 2, stage: "booking"));

        coverage.Payor.Single().Extension.Single().Url.Should().Be(Terminology.DataAbsentReason);
    }

    [Fact]
    public void Build_ClaimCreated_DraftProfessionalClaimWithTotalDiagnosesAndProcedures()
    {
        var claim = ClaimOf(visit.Booked(), visit.CheckedIn(), visit.EncounterCompleted(), visit.ClaimCreated(claimId, minute: 85));

        claim.Id.Should().Be(claimId.ToString("D"));
        claim.Status.Should().Be(FinancialResourceStatusCodes.Draft);
        claim.Use.Should().Be(ClaimUseCode.Claim);
        (Code(claim.Type), Code(claim.Priority)).Should().Be(("professional", "normal"));
        claim.Patient.Reference.Should().Be($"Patient/{visit.PatientId:D}");
        claim.Provider.Reference.Should().Be($"Practitioner/{visit.ProviderId:D}");
        Time(claim.CreatedElement).Should().Be(visit.At(85));
        claim.Total.Should().BeEquivalentTo(new { Value = 245.50m, Currency = Money.Currencies.USD });
        claim.Insurance.Single().Coverage.Reference.Should().Be($"Coverage/{visit.PatientId:D}");
        claim.Diagnosis.Select(d => (d.Sequence, ((CodeableConcept)d.Diagnosis).Coding.Single().System, Code((CodeableConcept)d.Diagnosis)))
            .Should().Equal((1, Terminology.Icd10Cm, "J06.9"), (2, Terminology.Icd10Cm, "R05.9"));
        claim.Procedure.Select(p => (((CodeableConcept)p.Procedure).Coding.Single().System, Code((CodeableConcept)p.Procedure)))
            .Should().Equal((Terminology.Cpt, "99213"), (Terminology.Hcpcs, "J1885"));
    }

    [Fact]
    public void Build_ClaimSubmittedThenPaid_ActiveAndUpdatedWhenPaid()
    {
        var paid = visit.ClaimStatus(claimId, "paid", minute: 60 * 24 * 14);

        var claim = ClaimOf(visit.ClaimCreated(claimId), visit.ClaimStatus(claimId, "submitted", 90), paid);

        claim.Status.Should().Be(FinancialResourceStatusCodes.Active);
        claim.Meta?.LastUpdated.Should().Be(paid.RecordedAt);
    }
}
