using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Tracking.Integrators.Fhir;

namespace PatientFlow.Tracking.Tests.Fhir;

public class FhirReferencesTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();
    private readonly Guid orderId = Guid.CreateVersion7();
    private readonly Guid specimenId = Guid.CreateVersion7();
    private readonly Guid referralId = Guid.CreateVersion7();
    private readonly Guid claimId = Guid.CreateVersion7();

    private string Appointment => $"Appointment/{visit.VisitId:D}";

    private string Encounter => $"Encounter/{visit.VisitId:D}";

    [Fact]
    public void Of_EachEventKind_TheResourcesItCreatesOrChanges()
    {
        var vitals = visit.Vitals(20, ClinicVisit.Systolic, ClinicVisit.Diastolic);
        var result = visit.LabResulted(orderId, "2345-7", "95", "mg/dL", "N", 70);
        var expected = new (IVisitEvent Event, string[] References)[]
        {
            (visit.Booked(), [Appointment, Encounter]),
            (visit.Rescheduled(5, 60), [Appointment, Encounter]),
            (visit.CheckedIn(), [Appointment, Encounter]),
            (visit.Cancelled(), [Appointment, Encounter]),
            (visit.NoShow(), [Appointment, Encounter]),
            (visit.CheckedOut(), [Appointment, Encounter]),
            (visit.ArrivalCorrected(-5, 10), [Encounter]),
            (visit.EncounterOpened(), [Encounter]),
            (visit.Roomed(), [Encounter]),
            (visit.ProviderStarted(), [Encounter]),
            (visit.EncounterCompleted(), [Encounter]),
            (visit.ChiefComplaint(), [Encounter]),
            (vitals, [$"Observation/{vitals.EventId:N}.0", $"Observation/{vitals.EventId:N}.1", Encounter]),
            (visit.LabOrdered(orderId), [$"ServiceRequest/{orderId:D}"]),
            (visit.LabCancelled(orderId, 60, "4548-4"), [$"ServiceRequest/{orderId:D}", $"DiagnosticReport/{orderId:D}"]),
            (visit.SpecimenCollected(orderId, specimenId, "ACC-1"), [$"Specimen/{specimenId:D}", $"DiagnosticReport/{orderId:D}"]),
            (visit.SpecimenRejected(orderId, specimenId, "ACC-1", 58), [$"Specimen/{specimenId:D}"]),
            (result, [$"Observation/{result.EventId:N}", $"DiagnosticReport/{orderId:D}", $"ServiceRequest/{orderId:D}"]),
            (visit.ReferralCreated(referralId), [$"ServiceRequest/{referralId:D}"]),
            (visit.ReferralScheduled(referralId, 100, 7000), [$"ServiceRequest/{referralId:D}"]),
            (visit.ReferralClosed(referralId, 9000), [$"ServiceRequest/{referralId:D}"]),
            (visit.ReferralCancelled(referralId, 100), [$"ServiceRequest/{referralId:D}"]),
            (visit.ReferralReopened(referralId, 100), [$"ServiceRequest/{referralId:D}"]),
            (visit.AuthorizationRequested(referralId, 100), []),
            (visit.Eligibility(), [$"Coverage/{visit.PatientId:D}"]),
            (visit.ClaimCreated(claimId), [$"Claim/{claimId:D}"]),
            (visit.ClaimStatus(claimId, "submitted", 90), [$"Claim/{claimId:D}"]),
        };

        expected.Should().AllSatisfy(row => FhirReferences.Of(row.Event).Should().Equal(row.References, row.Event.GetType().Name));
    }

    [Fact]
    public void Of_VitalsCorrectedInItsVisit_TheAmendedObservationsOfTheCorrectedSet()
    {
        var vitals = visit.Vitals(20, ClinicVisit.Systolic, ClinicVisit.Diastolic, ClinicVisit.HeartRate);
        var correction = visit.VitalsCorrected(vitals.EventId, 20, 40, ClinicVisit.HeartRate with { Value = 72m });

        FhirReferences.Of(correction, [vitals]).Should().Equal(
            $"Observation/{vitals.EventId:N}.0", $"Observation/{vitals.EventId:N}.1", $"Observation/{vitals.EventId:N}.2", Encounter);
        FhirReferences.Of(correction).Should().Equal([Encounter], "alone, the correction cannot tell the set's indexes");
    }

    [Fact]
    public void Of_VitalsEnteredInErrorInItsVisit_EveryObservationOfTheSet()
    {
        var vitals = visit.Vitals(20, ClinicVisit.Systolic, ClinicVisit.Diastolic);
        var voided = visit.EnteredInError(vitals.EventId, "vitals", 30);

        FhirReferences.Of(voided, [vitals, voided]).Should().Equal($"Observation/{vitals.EventId:N}.0", $"Observation/{vitals.EventId:N}.1", Encounter);
        FhirReferences.Of(visit.EnteredInError(Guid.CreateVersion7(), "allergy", 30)).Should().BeEmpty();
    }

    [Fact]
    public void Of_LabResultAmendedInItsVisit_TheResultObservationAndReport()
    {
        var result = visit.LabResulted(orderId, "2345-7", "182", "mg/dL", "H", 70);
        var amended = visit.LabAmended(orderId, "2345-7", "92", "mg/dL", "N", 90);

        FhirReferences.Of(amended, [result]).Should().Equal($"Observation/{result.EventId:N}", $"DiagnosticReport/{orderId:D}");
    }

    [Fact]
    public void OfEveryEvent_WholeVisit_NamesEveryResourceAndEachOneResolves()
    {
        var events = WholeVisit();
        var fhir = VisitResources.Build(events);
        var named = events.SelectMany(e => FhirReferences.Of(e, events)).ToHashSet();

        fhir.All().Select(r => $"{r.TypeName}/{r.Id}").Should().OnlyContain(reference => named.Contains(reference));
        named.Should().OnlyContain(reference => fhir.Find(reference.Split('/')[0], reference.Split('/')[1]) != null);
    }

    [Fact]
    public void LastUpdated_WholeVisit_WhenAnEventNamingTheResourceWasRecorded()
    {
        var events = WholeVisit();

        VisitResources.Build(events).All().Should().AllSatisfy(resource => events
            .Where(e => FhirReferences.Of(e, events).Contains($"{resource.TypeName}/{resource.Id}"))
            .Select(e => (DateTimeOffset?)e.RecordedAt)
            .Should().Contain(resource.Meta?.LastUpdated, $"{resource.TypeName}/{resource.Id}"));
    }

    [Fact]
    public void Of_WholeVisit_AloneTheSameAsInContextSaveTheThreeThatNeedIt()
    {
        var events = WholeVisit();

        events.Where(e => e is not (VitalsCorrected or EntryEnteredInError or LabResultAmended))
            .Should().AllSatisfy(e => FhirReferences.Of(e).Should().Equal(FhirReferences.Of(e, events), e.GetType().Name));
    }

    private IReadOnlyList<IVisitEvent> WholeVisit()
    {
        var vitals = visit.Vitals(20);
        var glucose = visit.LabResulted(orderId, "2345-7", "182", "mg/dL", "H", 70, "70-99", "ACC-1");
        return
        [
            visit.Booked(), visit.Eligibility(-24 * 60 + 2, stage: "booking"), visit.CheckedIn(), visit.Eligibility(2), visit.EncounterOpened(),
            visit.Roomed(), visit.ChiefComplaint(), vitals, visit.VitalsCorrected(vitals.EventId, 20, 25, ClinicVisit.Systolic, ClinicVisit.Diastolic,
                ClinicVisit.HeartRate with { Value = 72m, Abnormal = false }, ClinicVisit.Temperature),
            visit.ProviderStarted(), visit.LabOrdered(orderId), visit.SpecimenCollected(orderId, specimenId, "ACC-1"), glucose,
            visit.LabResulted(orderId, "4548-4", "5.2", "%", "N", 72, "4.0-5.6", "ACC-1"), visit.LabAmended(orderId, "2345-7", "92", "mg/dL", "N", 90),
            visit.ReferralCreated(referralId), visit.ReferralScheduled(referralId, 100, 7000), visit.EncounterCompleted(), visit.CheckedOut(),
            visit.ClaimCreated(claimId), visit.ClaimStatus(claimId, "submitted", 90),
        ];
    }
}
