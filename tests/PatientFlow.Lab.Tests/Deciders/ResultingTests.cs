using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Resulting;
using static PatientFlow.Lab.Tests.Deciders.LabSpec;

namespace PatientFlow.Lab.Tests.Deciders;

public class ResultingTests
{
    [Theory]
    [InlineData("49", "LL")]
    [InlineData("49.9", "LL")]
    [InlineData("50", "L")]
    [InlineData("69", "L")]
    [InlineData("70", "N")]
    [InlineData("99", "N")]
    [InlineData("100", "H")]
    [InlineData("400", "H")]
    [InlineData("401", "HH")]
    public void GivenGlucoseOrdered_WhenRecordLabResult_ThenFlagFollowsRangeAndCriticalLimits(string value, string flag) =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult(value, "mg/dL"), Now))
            .ThenSingle<LabResultRecorded>().Flag.Should().Be(flag);

    [Fact]
    public void GivenGlucoseOrdered_WhenRecordLabResult_ThenResultCarriesVisitUnitAndBillingCode() =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("105", null), Now))
            .Then(new LabResultRecorded(OrderId, VisitId, PatientId, "2345-7", "105", "mg/dL", "H", "82947", Now));

    [Fact]
    public void GivenCholesterolOrdered_WhenRecordVeryHighResult_ThenHighNotCriticalBecauseNoCriticalLimit() =>
        Given(Ordered(Cholesterol)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("1000", null), Now))
            .ThenSingle<LabResultRecorded>().Flag.Should().Be("H");

    [Theory]
    [InlineData("1e2", "100")]
    [InlineData(" 5.40 ", "5.40")]
    public void GivenGlucoseOrdered_WhenRecordNumberInAnotherNotation_ThenValueStoredAsDecimal(string entered, string stored) =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult(entered, null), Now))
            .ThenSingle<LabResultRecorded>().Value.Should().Be(stored);

    [Theory]
    [InlineData("negative", "N")]
    [InlineData(" Negative ", "N")]
    [InlineData("positive", "A")]
    [InlineData("indeterminate", "A")]
    public void GivenRapidStrepOrdered_WhenRecordTextResult_ThenAbnormalUnlessExpectedText(string value, string flag)
    {
        var resulted = Given(Ordered(RapidStrep)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult(value, null), Now))
            .ThenSingle<LabResultRecorded>();

        resulted.Flag.Should().Be(flag);
        resulted.Value.Should().Be(value.Trim());
        resulted.Unit.Should().BeEmpty();
        resulted.BillingCode.Should().Be("87880");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("positive?")]
    [InlineData("<50")]
    [InlineData("-3")]
    public void GivenGlucoseOrdered_WhenRecordNonNumericOrNegative_ThenValueRejected(string? value) =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult(value, null), Now)).ThenRejects("value");

    [Fact]
    public void GivenGlucoseOrdered_WhenRecordInAnotherUnit_ThenUnitRejected() =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("5.5", "mmol/L"), Now)).ThenRejects("unit");

    [Fact]
    public void GivenGlucoseOrdered_WhenRecordWithUnitInOtherCase_ThenAccepted() =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("90", "MG/DL"), Now))
            .ThenSingle<LabResultRecorded>().Unit.Should().Be("mg/dL");

    [Fact]
    public void GivenRapidStrepOrdered_WhenRecordWithUnit_ThenUnitRejected() =>
        Given(Ordered(RapidStrep)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("negative", "mg/dL"), Now)).ThenRejects("unit");

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void GivenRapidStrepOrdered_WhenRecordBlankText_ThenValueRejected(string? value) =>
        Given(Ordered(RapidStrep)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult(value, null), Now)).ThenRejects("value");

    [Fact]
    public void GivenGlucoseOrdered_WhenRecordBackDatedResult_ThenResultedAtIsEnteredTime() =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("90", null, Now.AddMinutes(-10)), Now))
            .ThenSingle<LabResultRecorded>().ResultedAt.Should().Be(Now.AddMinutes(-10));

    [Theory]
    [InlineData(60)]
    [InlineData(-60)]
    public void GivenGlucoseOrdered_WhenRecordResultInFutureOrBeforeOrder_ThenResultedAtRejected(int minutes) =>
        Given(Ordered(Glucose)).When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("90", null, Now.AddMinutes(minutes)), Now))
            .ThenRejects("resultedAt");

    [Fact]
    public void GivenResultedOrder_WhenRecordLabResult_ThenConflict() =>
        Given(Ordered(Glucose), new LabResultRecorded(OrderId, VisitId, PatientId, "2345-7", "90", "mg/dL", LabFlag.Normal, "82947", Now))
            .When(s => RecordLabResultDecider.Decide(s, new RecordLabResult("95", null), Now))
            .ThenConflicts();
}
