using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.RecordingVitals;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class VitalsTests
{
    private static DecisionOutcome Record(RecordVitals vitals) =>
        Given(Opened).When(s => RecordVitalsDecider.Decide(s, vitals, Now));

    private static VitalSign Single(RecordVitals vitals) =>
        Record(vitals).ThenSingle<VitalsRecorded>().Observations.Should().ContainSingle().Subject;

    [Fact]
    public void GivenOpenEncounter_WhenRecordFullSet_ThenEveryObservationCarriesLoincAndUcum() =>
        Record(new RecordVitals(120, 80, 72, 16, 36.8m, null, 98, 170, null, 70, null, 2))
            .Then(new VitalsRecorded(VisitId, PatientId,
            [
                new VitalSign("8480-6", "systolic-bp", 120, "mm[Hg]", false),
                new VitalSign("8462-4", "diastolic-bp", 80, "mm[Hg]", false),
                new VitalSign("8867-4", "heart-rate", 72, "/min", false),
                new VitalSign("9279-1", "respiratory-rate", 16, "/min", false),
                new VitalSign("8310-5", "body-temperature", 36.8m, "Cel", false),
                new VitalSign("59408-5", "oxygen-saturation", 98, "%", false),
                new VitalSign("8302-2", "body-height", 170, "cm", false),
                new VitalSign("29463-7", "body-weight", 70, "kg", false),
                new VitalSign("39156-5", "bmi", 24.2m, "kg/m2", false),
                new VitalSign("72514-3", "pain-score", 2, "{score}", false),
            ], Now));

    [Fact]
    public void GivenOpenEncounter_WhenRecordBackDatedVitals_ThenTakenAtIsKept() =>
        Record(new RecordVitals(HeartRate: 72, TakenAt: Now.AddMinutes(-3))).ThenSingle<VitalsRecorded>()
            .TakenAt.Should().Be(Now.AddMinutes(-3));

    [Theory]
    [InlineData(98.6, "F", 37.0)]
    [InlineData(101.3, "f", 38.5)]
    [InlineData(37.2, "C", 37.2)]
    [InlineData(37.2, null, 37.2)]
    public void GivenOpenEncounter_WhenRecordTemperature_ThenStoredInCelsius(double entered, string? unit, double celsius) =>
        Single(new RecordVitals(Temperature: (decimal)entered, TemperatureUnit: unit)).Value.Should().Be((decimal)celsius);

    [Fact]
    public void GivenOpenEncounter_WhenRecordPoundsAndInches_ThenStoredInKilogramsAndCentimetresWithBmi()
    {
        var observations = Record(new RecordVitals(Height: 70, HeightUnit: "in", Weight: 200, WeightUnit: "lb"))
            .ThenSingle<VitalsRecorded>().Observations;

        observations.Select(o => (o.Name, o.Value, o.Unit, o.Abnormal)).Should().Equal(
            ("body-height", 177.8m, "cm", false),
            ("body-weight", 90.72m, "kg", false),
            ("bmi", 28.7m, "kg/m2", true));
    }

    [Fact]
    public void GivenOpenEncounter_WhenRecordWeightWithoutHeight_ThenNoBmi() =>
        Single(new RecordVitals(Weight: 70)).Name.Should().Be("body-weight");

    [Theory]
    [InlineData("systolicBp", 39)]
    [InlineData("systolicBp", 301)]
    [InlineData("diastolicBp", 19)]
    [InlineData("heartRate", 500)]
    [InlineData("heartRate", 19)]
    [InlineData("respiratoryRate", 3)]
    [InlineData("respiratoryRate", 81)]
    [InlineData("temperature", 24.9)]
    [InlineData("temperature", 45.1)]
    [InlineData("spo2", 49)]
    [InlineData("spo2", 100.5)]
    [InlineData("height", 29)]
    [InlineData("height", 251)]
    [InlineData("weight", 0.4)]
    [InlineData("weight", 401)]
    [InlineData("painScore", -1)]
    [InlineData("painScore", 11)]
    [InlineData("painScore", 3.5)]
    public void GivenOpenEncounter_WhenRecordImpossibleValue_ThenFieldRejected(string field, double value) =>
        Record(With(field, (decimal)value)).ThenRejects(field);

    [Theory]
    [InlineData("systolicBp", 40)]
    [InlineData("systolicBp", 300)]
    [InlineData("heartRate", 20)]
    [InlineData("heartRate", 300)]
    [InlineData("temperature", 25)]
    [InlineData("temperature", 45)]
    [InlineData("spo2", 100)]
    [InlineData("weight", 0.5)]
    [InlineData("painScore", 0)]
    [InlineData("painScore", 10)]
    public void GivenOpenEncounter_WhenRecordValueAtPossibleLimit_ThenAccepted(string field, double value) =>
        Single(With(field, (decimal)value)).Value.Should().Be((decimal)value);

    [Fact]
    public void GivenOpenEncounter_WhenRecordFahrenheitBelowPossibleRange_ThenTemperatureRejected() =>
        Record(new RecordVitals(Temperature: 76, TemperatureUnit: "F")).ThenRejects("temperature");

    [Fact]
    public void GivenOpenEncounter_WhenRecordPoundsAbovePossibleRange_ThenWeightRejected() =>
        Record(new RecordVitals(Weight: 900, WeightUnit: "lb")).ThenRejects("weight");

    [Theory]
    [InlineData(120, 120)]
    [InlineData(120, 130)]
    public void GivenOpenEncounter_WhenRecordDiastolicNotBelowSystolic_ThenDiastolicRejected(int systolic, int diastolic) =>
        Record(new RecordVitals(SystolicBp: systolic, DiastolicBp: diastolic)).ThenRejects("diastolicBp");

    [Theory]
    [InlineData("temperatureUnit")]
    [InlineData("heightUnit")]
    [InlineData("weightUnit")]
    public void GivenOpenEncounter_WhenRecordUnknownUnit_ThenUnitRejected(string field) =>
        Record(new RecordVitals(
            Temperature: 37, TemperatureUnit: field == "temperatureUnit" ? "K" : null,
            Height: 170, HeightUnit: field == "heightUnit" ? "ft" : null,
            Weight: 70, WeightUnit: field == "weightUnit" ? "st" : null)).ThenRejects(field);

    [Fact]
    public void GivenOpenEncounter_WhenRecordNothing_ThenBodyRejected() =>
        Record(new RecordVitals(TemperatureUnit: "F", TakenAt: Now)).ThenRejects("body");

    [Theory]
    [InlineData("systolicBp", 89, true)]
    [InlineData("systolicBp", 90, false)]
    [InlineData("systolicBp", 139, false)]
    [InlineData("systolicBp", 140, true)]
    [InlineData("diastolicBp", 59, true)]
    [InlineData("diastolicBp", 89, false)]
    [InlineData("diastolicBp", 90, true)]
    [InlineData("heartRate", 59, true)]
    [InlineData("heartRate", 100, false)]
    [InlineData("heartRate", 101, true)]
    [InlineData("respiratoryRate", 11, true)]
    [InlineData("respiratoryRate", 12, false)]
    [InlineData("respiratoryRate", 21, true)]
    [InlineData("temperature", 36.0, true)]
    [InlineData("temperature", 36.1, false)]
    [InlineData("temperature", 37.9, false)]
    [InlineData("temperature", 38.0, true)]
    [InlineData("spo2", 94, true)]
    [InlineData("spo2", 95, false)]
    [InlineData("spo2", 100, false)]
    [InlineData("painScore", 10, false)]
    public void GivenOpenEncounter_WhenRecordValue_ThenAbnormalOutsideNormalAdultRange(string field, double value, bool abnormal) =>
        Single(With(field, (decimal)value)).Abnormal.Should().Be(abnormal, because: $"{field} {value}");

    [Theory]
    [InlineData(53.4, false)] // BMI 18.5 at 170 cm
    [InlineData(53.1, true)] // 18.4
    [InlineData(72.0, false)] // 24.9
    [InlineData(72.3, true)] // 25.0
    public void GivenOpenEncounter_WhenRecordHeightAndWeight_ThenBmiAbnormalOutsideNormalRange(double kilograms, bool abnormal) =>
        Record(new RecordVitals(Height: 170, Weight: (decimal)kilograms)).ThenSingle<VitalsRecorded>()
            .Observations.Single(o => o.Name == "bmi").Abnormal.Should().Be(abnormal);

    [Fact]
    public void GivenCompletedEncounter_WhenRecordVitals_ThenConflict() =>
        Given(Opened, new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now))
            .When(s => RecordVitalsDecider.Decide(s, new RecordVitals(HeartRate: 72), Now))
            .ThenConflicts();

    private static RecordVitals With(string field, decimal value) => field switch
    {
        "systolicBp" => new RecordVitals(SystolicBp: value),
        "diastolicBp" => new RecordVitals(DiastolicBp: value),
        "heartRate" => new RecordVitals(HeartRate: value),
        "respiratoryRate" => new RecordVitals(RespiratoryRate: value),
        "temperature" => new RecordVitals(Temperature: value),
        "spo2" => new RecordVitals(Spo2: value),
        "height" => new RecordVitals(Height: value),
        "weight" => new RecordVitals(Weight: value),
        "painScore" => new RecordVitals(PainScore: value),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
