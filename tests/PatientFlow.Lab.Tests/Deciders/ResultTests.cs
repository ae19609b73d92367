using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Deadlines;
using PatientFlow.Lab.Orders.Resulting;
using static PatientFlow.Lab.Tests.Deciders.LabSpec;

namespace PatientFlow.Lab.Tests.Deciders;

public class ResultTests
{
    private static IReadOnlyList<object> Record(LabOrder o, string code, string value, string? unit = null) =>
        RecordLabResultDecider.Decide(o, code, new RecordLabResult(value, unit), Policy, Staff, Now);

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
    public void GivenGlucoseCollected_WhenResulted_ThenFlagFollowsRangeAndCriticalLimits(string value, string flag) =>
        Given(Ordered(Glucose), Collected("blood", Glucose)).When(o => Record(o, "2345-7", value, "mg/dL"))
            .ThenSingleOfType<LabResultRecorded>().Flag.Should().Be(flag);

    [Fact]
    public void GivenGlucoseCollected_WhenResultedNormal_ThenResultCarriesRangeAccessionAndPriceCodeAndNoCriticalFlag() =>
        Given(Ordered(Glucose), Collected("blood", Glucose)).When(o => Record(o, "2345-7", "95"))
            .Then(new LabResultRecorded(OrderId, VisitId, PatientId, "2345-7", "95", "mg/dL", "70-99", "N", "82947", Accession, Staff, Now));

    [Fact]
    public void GivenGlucoseCollected_WhenResultedCriticallyHigh_ThenCriticalFlaggedWithTheAcknowledgementDeadline() =>
        Given(Ordered(Glucose), Collected("blood", Glucose)).When(o => Record(o, "2345-7", "412"))
            .Then(
                new LabResultRecorded(OrderId, VisitId, PatientId, "2345-7", "412", "mg/dL", "70-99", "HH", "82947", Accession, Staff, Now),
                new CriticalResultFlagged(OrderId, VisitId, PatientId, "2345-7", "HH", Now, Now.AddMinutes(30)));

    [Theory]
    [InlineData("12.1", "N")]
    [InlineData("15.9", "H")]
    public void GivenHemoglobinOrderedForAWoman_WhenResulted_ThenFlaggedAgainstTheWomansRange(string value, string flag)
    {
        var forWoman = new LabOrderPlaced(OrderId, VisitId, PatientId, LabPriority.Routine,
            [new OrderedTest(Hemoglobin, Hemoglobin.RangeFor(PatientSex.Female, 40))], "test-clinician", OrderedAt);
        Given(forWoman, Collected("blood", Hemoglobin), SentOut(Hemoglobin)).When(o => Record(o, "718-7", value))
            .ThenSingle<LabResultRecorded>().Should().Match<LabResultRecorded>(r => r.Flag == flag && r.ReferenceRange == "12.0-15.5");
    }

    [Fact]
    public void GivenHemoglobinSentOut_WhenTheExternalResultArrives_ThenRecorded() =>
        Given(Ordered(Hemoglobin), Collected("blood", Hemoglobin), SentOut(Hemoglobin)).When(o => Record(o, "718-7", "13.0"))
            .ThenSingle<LabResultRecorded>().Flag.Should().Be("N");

    [Fact]
    public void GivenCholesterolWithoutCriticalLimits_WhenVeryHigh_ThenHighNotCritical() =>
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol), SentOut(Cholesterol)).When(o => Record(o, "2093-3", "1000"))
            .ThenSingle<LabResultRecorded>().Flag.Should().Be("H");

    [Theory]
    [InlineData("negative", "N")]
    [InlineData("Negative ", "N")]
    [InlineData("positive", "A")]
    public void GivenRapidStrepSwabbed_WhenResulted_ThenTextFlaggedAgainstTheNormalText(string value, string flag) =>
        Given(Ordered(RapidStrep), Collected("swab", RapidStrep)).When(o => Record(o, "78012-2", value))
            .ThenSingle<LabResultRecorded>().Flag.Should().Be(flag);

    [Theory]
    [InlineData("high", null, "value")]
    [InlineData("-1", null, "value")]
    [InlineData("5.5", "mmol/L", "unit")]
    public void GivenGlucoseCollected_WhenResultInvalid_ThenTheFieldIsRejected(string value, string? unit, string field) =>
        Given(Ordered(Glucose), Collected("blood", Glucose)).When(o => Record(o, "2345-7", value, unit)).ThenRejects(field);

    [Fact]
    public void GivenRapidStrep_WhenResultHasAUnit_ThenUnitRejected() =>
        Given(Ordered(RapidStrep), Collected("swab", RapidStrep)).When(o => Record(o, "78012-2", "negative", "mg/dL")).ThenRejects("unit");

    [Fact]
    public void GivenNotYetCollected_WhenResulted_ThenConflict() =>
        Given(Ordered(Glucose)).When(o => Record(o, "2345-7", "95")).ThenConflicts();

    [Fact]
    public void GivenResulted_WhenResultedAgain_ThenConflictNamingAmendment() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N")).When(o => Record(o, "2345-7", "96")).ThenConflicts();

    [Fact]
    public void GivenOrder_WhenATestNotOnItIsResulted_ThenNotFound() =>
        Given(Ordered(Glucose), Collected("blood", Glucose)).When(o => Record(o, "2093-3", "180")).ThenNotFound();

    [Fact]
    public void GivenCollected_WhenResultBackDatedBeforeTheOrder_ThenResultedAtRejected() =>
        Given(Ordered(Glucose), Collected("blood", Glucose))
            .When(o => RecordLabResultDecider.Decide(o, "2345-7", new RecordLabResult("95", null, OrderedAt.AddMinutes(-5)), Policy, Staff, Now))
            .ThenRejects("resultedAt");

    [Fact]
    public void GivenResult_WhenAmended_ThenTheOriginalIsKeptInTheAmendment() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N"))
            .When(o => AmendLabResultDecider.Decide(o, "2345-7", new AmendLabResult("105", null, "transcription error"), Policy, "test-lab", Now))
            .Then(new LabResultAmended(OrderId, VisitId, PatientId, "2345-7", "105", "mg/dL", "H", "95", "N", "transcription error", "test-lab", Now));

    [Fact]
    public void GivenNormalResult_WhenAmendedToACriticalValue_ThenCriticalFlaggedWithAFreshDeadline() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N"))
            .When(o => AmendLabResultDecider.Decide(o, "2345-7", new AmendLabResult("45", null, "wrong sample read"), Policy, Staff, Now))
            .ThenSingleOfType<CriticalResultFlagged>().AcknowledgeBy.Should().Be(Now.AddMinutes(30));

    [Fact]
    public void GivenResult_WhenAmendedWithoutReason_ThenReasonRejected() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N"))
            .When(o => AmendLabResultDecider.Decide(o, "2345-7", new AmendLabResult("105"), Policy, Staff, Now)).ThenRejects("reason");

    [Fact]
    public void GivenResult_WhenAmendedToTheSameValue_ThenValueRejected() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N"))
            .When(o => AmendLabResultDecider.Decide(o, "2345-7", new AmendLabResult("95.0", null, "check"), Policy, Staff, Now)).ThenRejects("value");

    [Fact]
    public void GivenNoResult_WhenAmended_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose))
            .When(o => AmendLabResultDecider.Decide(o, "2345-7", new AmendLabResult("95", null, "x"), Policy, Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenCriticalResult_WhenAcknowledged_ThenAcknowledgedAsCritical() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "412", "HH"), Flagged(Glucose, "HH"))
            .When(o => AcknowledgeLabResultDecider.Decide(o, "2345-7", "dr-who", Now))
            .Then(new LabResultAcknowledged(OrderId, VisitId, PatientId, "2345-7", true, "dr-who", Now));

    [Fact]
    public void GivenAcknowledged_WhenAcknowledgedAgain_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N"),
                new LabResultAcknowledged(OrderId, VisitId, PatientId, "2345-7", false, "dr-who", Now))
            .When(o => AcknowledgeLabResultDecider.Decide(o, "2345-7", "dr-who", Now)).ThenConflicts();

    [Fact]
    public void GivenAcknowledgedThenAmended_WhenAcknowledged_ThenAcknowledgedAgain() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "95", "N"),
                new LabResultAcknowledged(OrderId, VisitId, PatientId, "2345-7", false, "dr-who", Now),
                new LabResultAmended(OrderId, VisitId, PatientId, "2345-7", "105", "mg/dL", "H", "95", "N", "typo", Staff, Now))
            .When(o => AcknowledgeLabResultDecider.Decide(o, "2345-7", "dr-who", Now)).ThenSingle<LabResultAcknowledged>();

    [Fact]
    public void GivenNoResult_WhenAcknowledged_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose)).When(o => AcknowledgeLabResultDecider.Decide(o, "2345-7", "dr-who", Now)).ThenConflicts();

    [Fact]
    public void GivenCriticalNotAcknowledgedPastItsDeadline_WhenSwept_ThenEscalatedOnce()
    {
        var late = OrderedAt.AddMinutes(51);
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "412", "HH"), Flagged(Glucose, "HH"))
            .When(o => LabDeadlines.Decide(o, late))
            .Then(new CriticalResultEscalated(OrderId, VisitId, PatientId, "2345-7", OrderedAt.AddMinutes(50), late));
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "412", "HH"), Flagged(Glucose, "HH"),
                new CriticalResultEscalated(OrderId, VisitId, PatientId, "2345-7", OrderedAt.AddMinutes(50), late))
            .When(o => LabDeadlines.Decide(o, late.AddHours(1))).Then();
    }

    [Fact]
    public void GivenCriticalBeforeItsDeadline_WhenSwept_ThenNothing() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "412", "HH"), Flagged(Glucose, "HH"))
            .When(o => LabDeadlines.Decide(o, OrderedAt.AddMinutes(49))).Then();

    [Fact]
    public void GivenCriticalAcknowledgedInTime_WhenSweptAfterTheDeadline_ThenNothing() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "412", "HH"), Flagged(Glucose, "HH"),
                new LabResultAcknowledged(OrderId, VisitId, PatientId, "2345-7", true, "dr-who", OrderedAt.AddMinutes(40)))
            .When(o => LabDeadlines.Decide(o, OrderedAt.AddHours(3))).Then();

    [Fact]
    public void GivenSendOutPastItsExpectedTime_WhenSwept_ThenOverdueOnce()
    {
        var sent = SentOut(Cholesterol);
        var late = sent.ExpectedBy.AddMinutes(1);
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol), sent)
            .When(o => LabDeadlines.Decide(o, late))
            .Then(new SendOutOverdue(OrderId, VisitId, PatientId, SpecimenId, Accession, "Quest", ["2093-3"], sent.ExpectedBy, late));
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol), sent,
                new SendOutOverdue(OrderId, VisitId, PatientId, SpecimenId, Accession, "Quest", ["2093-3"], sent.ExpectedBy, late))
            .When(o => LabDeadlines.Decide(o, late.AddDays(1))).Then();
    }

    [Fact]
    public void GivenSendOutResultedInTime_WhenSweptLater_ThenNotOverdue()
    {
        var sent = SentOut(Cholesterol);
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol), sent, Resulted(Cholesterol, "180", "N"))
            .When(o => LabDeadlines.Decide(o, sent.ExpectedBy.AddDays(1))).Then();
    }
}
