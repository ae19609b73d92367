using Hl7.Fhir.Model;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Fhir;
using static PatientFlow.Tracking.Tests.Fhir.FhirJson;

namespace PatientFlow.Tracking.Tests.Fhir;

public class VitalSignTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();

    private static List<Observation> ObservationsOf(params IVisitEvent[] events) =>
        [.. VisitResources.Build(events).Observations.Select(RoundTrip)];

    [Fact]
    public void Build_VitalsRecorded_OneLoincObservationPerSignWithUcumQuantity()
    {
        var vitals = visit.Vitals(minute: 20);

        var observations = ObservationsOf(visit.CheckedIn(), vitals);

        observations.Select(o => o.Id).Should().Equal(Enumerable.Range(0, 4).Select(i => $"{vitals.EventId:N}.{i}"));
        observations.Select(o => Code(o.Code)).Should().Equal("8480-6", "8462-4", "8867-4", "8310-5");
        observations.Select(o => (Quantity)o.Value!).Select(q => (q.Value, q.Unit, q.System, q.Code)).Should().Equal(
            (128m, "mmHg", Terminology.Ucum, "mm[Hg]"),
            (84m, "mmHg", Terminology.Ucum, "mm[Hg]"),
            (112m, "/min", Terminology.Ucum, "/min"),
            (37.2m, "°C", Terminology.Ucum, "Cel"));
        observations.Should().AllSatisfy(o =>
        {
            o.Status.Should().Be(ObservationStatus.Final);
            o.Code.Coding.Single().System.Should().Be(Terminology.Loinc);
            o.Category.Single().Coding.Single().Should().BeEquivalentTo(new { System = Terminology.ObservationCategory, Code = "vital-signs" });
            Time(o.Effective).Should().Be(visit.At(20));
            o.Subject?.Reference.Should().Be($"Patient/{visit.PatientId:D}");
            o.Encounter?.Reference.Should().Be($"Encounter/{visit.VisitId:D}");
            o.Meta?.LastUpdated.Should().Be(vitals.RecordedAt);
        });
        observations.Select(o => Code(o.Interpretation.Single())).Should().Equal("N", "N", "A", "N");
    }

    [Fact]
    public void Build_VitalsCorrected_SameIdsAmendedWithTheNewValuesAndTime()
    {
        var vitals = visit.Vitals(minute: 20);
        var correction = visit.VitalsCorrected(vitals.EventId, minute: 21, recordedMinute: 40,
            ClinicVisit.Temperature, ClinicVisit.HeartRate with { Value = 72m, Abnormal = false }, ClinicVisit.Diastolic, ClinicVisit.Systolic);

        var observations = ObservationsOf(vitals, correction);

        observations.Should().HaveCount(4).And.OnlyContain(o => o.Status == ObservationStatus.Amended);
        var heartRate = observations.Single(o => o.Id == $"{vitals.EventId:N}.2");
        ((Quantity)heartRate.Value!).Value.Should().Be(72m);
        Time(heartRate.Effective).Should().Be(visit.At(21));
        heartRate.Meta?.LastUpdated.Should().Be(correction.RecordedAt);
    }

    [Fact]
    public void Build_CorrectionLeavesOutASignAndAddsOne_LeftOutEnteredInErrorAddedNew()
    {
        var vitals = visit.Vitals(20, ClinicVisit.HeartRate, ClinicVisit.Temperature);
        var weight = new Contracts.Intake.V1.VitalSignObservation("29463-7", "body-weight", 81.5m, "kg", false);
        var correction = visit.VitalsCorrected(vitals.EventId, minute: 20, recordedMinute: 40, ClinicVisit.HeartRate, weight);

        var observations = ObservationsOf(vitals, correction);

        observations.Select(o => (o.Id, o.Status)).Should().Equal(
            ($"{vitals.EventId:N}.0", ObservationStatus.Amended),
            ($"{vitals.EventId:N}.1", ObservationStatus.EnteredInError),
            ($"{correction.EventId:N}.1", ObservationStatus.Final));
    }

    [Fact]
    public void Build_VitalsEnteredInError_EverySignOfTheSetEnteredInError()
    {
        var wrong = visit.Vitals(minute: 20);
        var right = visit.Vitals(minute: 25);
        var voided = visit.EnteredInError(wrong.EventId, "vitals", minute: 30);

        var observations = ObservationsOf(wrong, right, voided);

        observations.Where(o => o.Id?.StartsWith($"{wrong.EventId:N}.") == true).Should().HaveCount(4)
            .And.OnlyContain(o => o.Status == ObservationStatus.EnteredInError && o.Meta!.LastUpdated == voided.RecordedAt);
        observations.Where(o => o.Id?.StartsWith($"{right.EventId:N}.") == true).Should().OnlyContain(o => o.Status == ObservationStatus.Final);
    }

    [Fact]
    public void Build_VitalsRedelivered_CountedOnce()
    {
        var vitals = visit.Vitals(minute: 20);

        ObservationsOf(vitals, vitals with { }).Should().HaveCount(4);
    }

    [Fact]
    public void Build_CorrectionOfASetNotYetSeen_WaitsForTheSet()
    {
        ObservationsOf(visit.VitalsCorrected(Guid.CreateVersion7(), 20, 40, ClinicVisit.HeartRate)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("mmHg", "mm[Hg]", "mmHg")]
    [InlineData("bpm", "/min", "/min")]
    [InlineData("°F", "[degF]", "°F")]
    [InlineData("lbs", "[lb_av]", "lb")]
    [InlineData("kg", "kg", "kg")]
    [InlineData("%", "%", "%")]
    [InlineData("{score}", "{score}", "{score}")]
    public void Quantity_EverydayOrUcumSpelling_UcumCode(string unit, string code, string display)
    {
        var quantity = UcumUnits.Quantity(1m, unit);

        (quantity.Code, quantity.Unit, quantity.System).Should().Be((code, display, Terminology.Ucum));
    }
}
