using Hl7.Fhir.Model;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Fhir;
using static Hl7.Fhir.Model.DiagnosticReport;
using static Hl7.Fhir.Model.Specimen;
using static PatientFlow.Tracking.Tests.Fhir.FhirJson;

namespace PatientFlow.Tracking.Tests.Fhir;

public class LabTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();
    private readonly Guid orderId = Guid.CreateVersion7();
    private readonly Guid specimenId = Guid.CreateVersion7();

    private IVisitEvent[] OrderedAndCollected() =>
        [visit.LabOrdered(orderId, minute: 52), visit.SpecimenCollected(orderId, specimenId, "ACC-77", minute: 55)];

    private IVisitEvent Glucose(string value = "182", string flag = "H", int minute = 70) =>
        visit.LabResulted(orderId, "2345-7", value, "mg/dL", flag, minute, "70-99", "ACC-77");

    private IVisitEvent Hba1c(int minute = 72) => visit.LabResulted(orderId, "4548-4", "6.1", "%", "N", minute, "4.0-5.6", "ACC-77");

    [Fact]
    public void Build_LabOrderPlaced_ActiveOrderWithEachTestAsLoincDetail()
    {
        var request = RoundTrip(VisitResources.Build(OrderedAndCollected()).ServiceRequests.Single());

        request.Id.Should().Be(orderId.ToString("D"));
        request.Status.Should().Be(RequestStatus.Active);
        request.Intent.Should().Be(RequestIntent.Order);
        request.Priority.Should().Be(RequestPriority.Urgent);
        request.OrderDetail.Select(d => (d.Coding.Single().System, Code(d))).Should().Equal((Terminology.Loinc, "2345-7"), (Terminology.Loinc, "4548-4"));
        request.Code?.Text.Should().Be("Glucose (serum), Hemoglobin A1c");
        request.Encounter?.Reference.Should().Be($"Encounter/{visit.VisitId:D}");
        Time(request.AuthoredOnElement).Should().Be(visit.At(52));
    }

    [Fact]
    public void Build_EveryTestResultedOrCancelled_CompletedOrRevoked()
    {
        RequestStatusOf([.. OrderedAndCollected(), Glucose()]).Should().Be(RequestStatus.Active);
        RequestStatusOf([.. OrderedAndCollected(), Glucose(), Hba1c()]).Should().Be(RequestStatus.Completed);
        RequestStatusOf([.. OrderedAndCollected(), Glucose(), visit.LabCancelled(orderId, 60, "4548-4")]).Should().Be(RequestStatus.Completed);
        RequestStatusOf([.. OrderedAndCollected(), visit.LabCancelled(orderId, 60, "2345-7", "4548-4")]).Should().Be(RequestStatus.Revoked);
    }

    private static RequestStatus? RequestStatusOf(IVisitEvent[] events) => RoundTrip(VisitResources.Build(events).ServiceRequests.Single()).Status;

    [Fact]
    public void Build_SpecimenCollectedThenRejected_AccessionCollectionTimeAndUnsatisfactory()
    {
        var collected = RoundTrip(VisitResources.Build(OrderedAndCollected()).Specimens.Single());

        collected.Id.Should().Be(specimenId.ToString("D"));
        collected.AccessionIdentifier?.Value.Should().Be("ACC-77");
        collected.Status.Should().Be(SpecimenStatus.Available);
        Time(collected.Collection?.Collected).Should().Be(visit.At(55));
        collected.Request.Single().Reference.Should().Be($"ServiceRequest/{orderId:D}");
        collected.Type?.Text.Should().Be("blood");

        var rejected = RoundTrip(VisitResources.Build([.. OrderedAndCollected(), visit.SpecimenRejected(orderId, specimenId, "ACC-77", 58)]).Specimens.Single());
        rejected.Status.Should().Be(SpecimenStatus.Unsatisfactory);
        rejected.Condition.Single().Text.Should().Be("haemolysed");
    }

    [Fact]
    public void Build_NumericResult_QuantityInterpretationRangeAndSpecimen()
    {
        var result = Glucose(value: "182", flag: "H");

        var observation = RoundTrip(VisitResources.Build([.. OrderedAndCollected(), result]).ResultObservations.Single());

        observation.Id.Should().Be(result.EventId.ToString("N"));
        observation.Status.Should().Be(ObservationStatus.Final);
        observation.Code.Coding.Single().Should().BeEquivalentTo(new { System = Terminology.Loinc, Code = "2345-7", Display = "Glucose (serum)" });
        ((Quantity)observation.Value!).Should().BeEquivalentTo(new { Value = 182m, System = Terminology.Ucum, Code = "mg/dL" });
        observation.Interpretation.Single().Coding.Single().Should().BeEquivalentTo(new { System = Terminology.ObservationInterpretation, Code = "H" });
        observation.ReferenceRange.Single().Text.Should().Be("70-99");
        observation.Specimen?.Reference.Should().Be($"Specimen/{specimenId:D}");
        observation.BasedOn.Single().Reference.Should().Be($"ServiceRequest/{orderId:D}");
        Time(observation.Effective).Should().Be(visit.At(55));
        observation.Issued.Should().Be(visit.At(70));
    }

    [Fact]
    public void Build_TextResult_ValueString()
    {
        var result = visit.LabResulted(orderId, "630-4", "No growth at 48 hours", "", "N", 70);

        var observation = RoundTrip(VisitResources.Build([visit.LabOrdered(orderId, 52, "routine", ClinicVisit.Culture), result]).ResultObservations.Single());

        observation.Value.Should().BeOfType<FhirString>().Which.Value.Should().Be("No growth at 48 hours");
    }

    [Fact]
    public void Build_ResultAmended_SameObservationAmendedAndReportAmended()
    {
        var glucose = Glucose(value: "182", flag: "H");
        var amended = visit.LabAmended(orderId, "2345-7", "92", "mg/dL", "N", minute: 90);

        var fhir = VisitResources.Build([.. OrderedAndCollected(), glucose, Hba1c(), amended]);

        var observation = RoundTrip(fhir.ResultObservations.Single(o => o.Id == glucose.EventId.ToString("N")));
        observation.Status.Should().Be(ObservationStatus.Amended);
        ((Quantity)observation.Value!).Value.Should().Be(92m);
        Code(observation.Interpretation.Single()).Should().Be("N");
        observation.Meta?.LastUpdated.Should().Be(amended.RecordedAt);
        RoundTrip(fhir.DiagnosticReports.Single()).Status.Should().Be(DiagnosticReportStatus.Amended);
    }

    [Fact]
    public void Build_Results_ReportPartialThenFinalReferencingResultsSpecimenAndOrder()
    {
        var glucose = Glucose();
        var hba1c = Hba1c();
        RoundTrip(VisitResources.Build([.. OrderedAndCollected(), glucose]).DiagnosticReports.Single()).Status.Should().Be(DiagnosticReportStatus.Partial);

        var report = RoundTrip(VisitResources.Build([.. OrderedAndCollected(), glucose, hba1c]).DiagnosticReports.Single());

        report.Id.Should().Be(orderId.ToString("D"));
        report.Status.Should().Be(DiagnosticReportStatus.Final);
        report.Category.Single().Coding.Single().Code.Should().Be("LAB");
        report.Result.Select(r => r.Reference).Should().Equal($"Observation/{glucose.EventId:N}", $"Observation/{hba1c.EventId:N}");
        report.Specimen.Single().Reference.Should().Be($"Specimen/{specimenId:D}");
        report.BasedOn.Single().Reference.Should().Be($"ServiceRequest/{orderId:D}");
        report.Issued.Should().Be(visit.At(72));
        report.Meta?.LastUpdated.Should().Be(hba1c.RecordedAt);
    }
}
