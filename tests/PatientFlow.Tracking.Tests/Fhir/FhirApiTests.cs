using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Tracking.Integrators.Fhir;
using static Hl7.Fhir.Model.Encounter;
using Task = System.Threading.Tasks.Task;

namespace PatientFlow.Tracking.Tests.Fhir;

public class FhirApiTests(FhirApiFactory factory) : IClassFixture<FhirApiFactory>
{
    private ClinicVisit Visit => factory.Full;

    private string Patient => $"Patient/{Visit.PatientId:D}";

    private string EncounterReference => $"Encounter/{Visit.VisitId:D}";

    private string Order => $"ServiceRequest/{factory.OrderId:D}";

    [Fact]
    public async Task GetAppointment_FullVisit_FulfilledForThePatient()
    {
        var appointment = await ReadAsync<Appointment>($"Appointment/{Visit.VisitId}");

        appointment.Id.Should().Be(Visit.VisitId.ToString("D"));
        appointment.Status.Should().Be(Appointment.AppointmentStatus.Fulfilled);
        appointment.Participant.Select(p => p.Actor!.Reference).Should().Contain([Patient, $"Practitioner/{Visit.ProviderId:D}"]);
    }

    [Fact]
    public async Task GetEncounter_FullVisit_FinishedWithItsStatusHistory()
    {
        var encounter = await ReadAsync<Encounter>($"Encounter/{Visit.VisitId}");

        encounter.Id.Should().Be(Visit.VisitId.ToString("D"));
        encounter.Status.Should().Be(EncounterStatus.Finished);
        encounter.StatusHistory.Select(h => h.Status).Should().Equal(
            EncounterStatus.Planned, EncounterStatus.Arrived, EncounterStatus.Triaged, EncounterStatus.InProgress, EncounterStatus.Finished);
        encounter.Subject!.Reference.Should().Be(Patient);
        encounter.Appointment.Single().Reference.Should().Be($"Appointment/{Visit.VisitId:D}");
    }

    [Fact]
    public async Task GetObservation_VitalSignTakenAgain_AmendedInTheVisitsEncounter()
    {
        var vitals = (await PublishedAsync()).OfType<VitalsRecorded>().Single();

        var heartRate = await ReadAsync<Observation>($"Observation/{vitals.EventId:N}.2");

        heartRate.Id.Should().Be($"{vitals.EventId:N}.2");
        heartRate.Status.Should().Be(ObservationStatus.Amended);
        heartRate.Code.Coding.Single().Code.Should().Be(ClinicVisit.HeartRate.LoincCode);
        ((Quantity)heartRate.Value!).Value.Should().Be(72m);
        heartRate.Subject!.Reference.Should().Be(Patient);
        heartRate.Encounter!.Reference.Should().Be(EncounterReference);
    }

    [Fact]
    public async Task GetObservation_SignAddedByACorrection_FinalUnderTheCorrectionsId()
    {
        var correction = (await PublishedAsync()).OfType<VitalsCorrected>().Single();

        var added = await ReadAsync<Observation>($"Observation/{correction.EventId:N}.4");

        added.Status.Should().Be(ObservationStatus.Final);
        added.Code.Coding.Single().Code.Should().Be(FhirApiFactory.RespiratoryRate.LoincCode);
        added.Encounter!.Reference.Should().Be(EncounterReference);
    }

    [Fact]
    public async Task GetObservation_LabResult_FinalBasedOnTheOrderFromItsSpecimen()
    {
        await factory.PublishedAsync();
        var result = factory.FullEvents.OfType<LabResultRecorded>().Single();

        var observation = await ReadAsync<Observation>($"Observation/{result.EventId:N}");

        observation.Id.Should().Be(result.EventId.ToString("N"));
        observation.Status.Should().Be(ObservationStatus.Final);
        observation.BasedOn.Single().Reference.Should().Be(Order);
        observation.Specimen!.Reference.Should().Be($"Specimen/{factory.SpecimenId:D}");
        observation.Encounter!.Reference.Should().Be(EncounterReference);
    }

    [Fact]
    public async Task GetServiceRequest_ResultedLabOrder_CompletedInTheEncounter()
    {
        var request = await ReadAsync<ServiceRequest>(Order);

        request.Id.Should().Be(factory.OrderId.ToString("D"));
        request.Status.Should().Be(RequestStatus.Completed);
        request.Subject.Reference.Should().Be(Patient);
        request.Encounter!.Reference.Should().Be(EncounterReference);
    }

    [Fact]
    public async Task GetSpecimen_Collected_AvailableForTheOrder()
    {
        var specimen = await ReadAsync<Specimen>($"Specimen/{factory.SpecimenId}");

        specimen.Id.Should().Be(factory.SpecimenId.ToString("D"));
        specimen.Status.Should().Be(Specimen.SpecimenStatus.Available);
        specimen.Request.Single().Reference.Should().Be(Order);
        specimen.Subject!.Reference.Should().Be(Patient);
    }

    [Fact]
    public async Task GetDiagnosticReport_EveryTestResulted_FinalWithItsResult()
    {
        var result = (await PublishedAsync()).OfType<LabResultRecorded>().Single();

        var report = await ReadAsync<DiagnosticReport>($"DiagnosticReport/{factory.OrderId}");

        report.Id.Should().Be(factory.OrderId.ToString("D"));
        report.Status.Should().Be(DiagnosticReport.DiagnosticReportStatus.Final);
        report.BasedOn.Single().Reference.Should().Be(Order);
        report.Result.Single().Reference.Should().Be($"Observation/{result.EventId:N}");
        report.Encounter!.Reference.Should().Be(EncounterReference);
    }

    [Fact]
    public async Task GetCoverage_BothVisitsAnswered_TheLaterVisitsInactiveAnswer()
    {
        var coverage = await ReadAsync<Coverage>($"Coverage/{Visit.PatientId}");

        coverage.Id.Should().Be(Visit.PatientId.ToString("D"));
        coverage.Status.Should().Be(FinancialResourceStatusCodes.Cancelled, "the later visit's eligibility check found the coverage ended");
        coverage.Meta!.LastUpdated.Should().Be(factory.Later.At(3));
        coverage.Beneficiary.Reference.Should().Be(Patient);
    }

    [Fact]
    public async Task GetClaim_Created_DraftOnThePatientsCoverage()
    {
        var claim = await ReadAsync<Claim>($"Claim/{factory.ClaimId}");

        claim.Id.Should().Be(factory.ClaimId.ToString("D"));
        claim.Status.Should().Be(FinancialResourceStatusCodes.Draft);
        claim.Patient.Reference.Should().Be(Patient);
        claim.Insurance.Single().Coverage.Reference.Should().Be($"Coverage/{Visit.PatientId:D}");
    }

    [Fact]
    public async Task SearchObservation_ByEncounter_TheVisitsVitalSignsAndLabResultOnly()
    {
        var events = await PublishedAsync();
        var vitals = events.OfType<VitalsRecorded>().Single();
        var correction = events.OfType<VitalsCorrected>().Single();
        var result = events.OfType<LabResultRecorded>().Single();

        var bundle = await ReadAsync<Bundle>($"Observation?encounter={Visit.VisitId}");

        bundle.Type.Should().Be(Bundle.BundleType.Searchset);
        bundle.Total.Should().Be(6);
        bundle.Entry.Select(e => e.Resource!.Id).Should().BeEquivalentTo(
        [
            $"{vitals.EventId:N}.0", $"{vitals.EventId:N}.1", $"{vitals.EventId:N}.2", $"{vitals.EventId:N}.3", $"{correction.EventId:N}.4",
            $"{result.EventId:N}",
        ]);
        bundle.Entry.Should().AllSatisfy(entry =>
        {
            entry.Search!.Mode.Should().Be(Bundle.SearchEntryMode.Match);
            entry.FullUrl.Should().EndWith($"{FhirEndpoints.BasePath}/Observation/{entry.Resource!.Id}");
            ((Observation)entry.Resource!).Encounter!.Reference.Should().Be(EncounterReference);
        });
    }

    [Fact]
    public async Task SearchDiagnosticReport_ByPatient_ReportsOfBothHerVisitsNotAnotherPatients()
    {
        var bundle = await ReadAsync<Bundle>($"DiagnosticReport?patient={Visit.PatientId}");

        bundle.Total.Should().Be(2);
        bundle.Entry.Select(e => e.Resource!.Id).Should().Equal(
            [factory.LaterOrderId.ToString("D"), factory.OrderId.ToString("D")], "newest first");
        bundle.Entry.Select(e => ((DiagnosticReport)e.Resource!).Subject!.Reference).Should().AllBe(Patient);
    }

    [Fact]
    public async Task SearchDiagnosticReport_SubjectReferenceCountOne_TotalOfBothOneEntry()
    {
        var bundle = await ReadAsync<Bundle>($"DiagnosticReport?subject=Patient/{Visit.PatientId}&_count=1");

        bundle.Total.Should().Be(2);
        bundle.Entry.Should().ContainSingle().Which.Resource!.Id.Should().Be(factory.LaterOrderId.ToString("D"));
    }

    [Fact]
    public async Task Search_CountNotANumber_400OperationOutcomeNamingIt()
    {
        var outcome = await OutcomeAsync($"Observation?encounter={Guid.CreateVersion7()}&_count=many", HttpStatusCode.BadRequest);

        outcome.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.Invalid);
        outcome.Issue.Single().Diagnostics.Should().StartWith("_count:");
    }

    [Fact]
    public async Task Get_UnknownObservation_404OperationOutcome()
    {
        await factory.PublishedAsync();

        var outcome = await OutcomeAsync($"Observation/{Guid.CreateVersion7():N}.0", HttpStatusCode.NotFound);

        outcome.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.NotFound);
    }

    [Fact]
    public async Task Get_UnsupportedType_404OperationOutcomeNamingIt()
    {
        var outcome = await OutcomeAsync($"Patient/{Visit.PatientId}", HttpStatusCode.NotFound);

        outcome.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.NotSupported);
        outcome.Issue.Single().Diagnostics.Should().Contain("Patient");
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("Encounter/0198c3a4-5b6e-7f00-9a1b-2c3d4e5f6071")]
    [InlineData("Observation?patient=0198c3a4-5b6e-7f00-9a1b-2c3d4e5f6071")]
    public async Task Get_NoToken_Unauthorized(string path) =>
        (await factory.CreateAnonymousClient().GetAsync($"{FhirEndpoints.BasePath}/{path}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("metadata")]
    [InlineData("Encounter/0198c3a4-5b6e-7f00-9a1b-2c3d4e5f6071")]
    public async Task Get_FrontDesk_Forbidden(string path) =>
        (await factory.CreateClient(Roles.FrontDesk).GetAsync($"{FhirEndpoints.BasePath}/{path}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

    [Fact]
    public async Task GetMetadata_Integrator_ReadAndSearchOfTheEightTypes()
    {
        var statement = await ReadAsync<CapabilityStatement>("metadata", publish: false);

        statement.FhirVersion.Should().Be(FHIRVersion.N4_0_1);
        var resources = statement.Rest.Single().Resource;
        resources.Select(r => r.Type).Should().BeEquivalentTo(
            ["Appointment", "Encounter", "Observation", "ServiceRequest", "Specimen", "DiagnosticReport", "Coverage", "Claim"]);
        resources.Should().AllSatisfy(r => r.Interaction.Select(i => i.Code).Should().BeEquivalentTo(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType]));
        resources.Single(r => r.Type == "Observation").SearchParam.Select(p => p.Name).Should().Contain("encounter");
    }

    private async Task<IReadOnlyList<PatientFlow.Contracts.IVisitEvent>> PublishedAsync()
    {
        await factory.PublishedAsync();
        return factory.FullEvents;
    }

    /// <summary>GET as an integrator: 200, FHIR JSON, and a body Firely's strict parser accepts as <typeparamref name="T"/>.</summary>
    private async Task<T> ReadAsync<T>(string path, bool publish = true) where T : Resource
    {
        if (publish)
        {
            await factory.PublishedAsync();
        }

        var response = await factory.CreateClient(Roles.Integrator).GetAsync($"{FhirEndpoints.BasePath}/{path}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        response.Content.Headers.ContentType.Parameters.Should().ContainSingle(p => p.Name == "fhirVersion" && p.Value == "4.0");
        return FhirJsonDeserializer.STRICT.Deserialize<T>(body) ?? throw new InvalidOperationException("parsed to nothing");
    }

    private async Task<OperationOutcome> OutcomeAsync(string path, HttpStatusCode status)
    {
        var response = await factory.CreateClient(Roles.Integrator).GetAsync($"{FhirEndpoints.BasePath}/{path}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        return FhirJsonDeserializer.STRICT.Deserialize<OperationOutcome>(body) ?? throw new InvalidOperationException("parsed to nothing");
    }
}
