using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Completing;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

public class CompletionTests
{
    private static readonly ProcedureEntry OfficeVisit = new("99213", 1);

    /// <summary>Diagnoses as entered, the first marked primary.</summary>
    private static List<DiagnosisEntry?> Dx(params string?[] codes) => [.. codes.Select((code, i) => new DiagnosisEntry(code, i == 0))];

    private static DecisionOutcome Complete(CompleteEncounter command) =>
        Given(Opened, new PatientRoomed(VisitId, PatientId, "EXAM-3", Now.AddMinutes(-15)))
            .When(s => CompleteEncounterDecider.Decide(s, command, Now));

    [Fact]
    public void GivenRoomedPatient_WhenCompleteEncounter_ThenEncounterCompletedWithCodesUpperCased() =>
        Complete(new CompleteEncounter(Dx("j02.9", "Z23"), [OfficeVisit, new ProcedureEntry("g0008"), new ProcedureEntry("87880", 2)]))
            .Then(new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9", "Z23"],
                [new Procedure("99213", 1, []), new Procedure("G0008", 1, []), new Procedure("87880", 2, [])], Now));

    [Fact]
    public void GivenOpenEncounterNeverRoomed_WhenCompleteEncounter_ThenEncounterCompleted() =>
        Given(Opened).When(s => CompleteEncounterDecider.Decide(s, new CompleteEncounter(Dx("J02.9"), [OfficeVisit]), Now))
            .ThenSingle<EncounterCompleted>().Diagnoses.Should().Equal("J02.9");

    [Theory]
    [InlineData("J02.9")]
    [InlineData("J029")]
    [InlineData("E11.65")]
    [InlineData("S52.521A")]
    [InlineData("R51")]
    [InlineData("u07.1")]
    public void GivenRoomedPatient_WhenCompleteWithWellFormedDiagnosis_ThenAccepted(string code) =>
        Complete(new CompleteEncounter(Dx(code), [OfficeVisit])).ThenSingle<EncounterCompleted>()
            .Diagnoses.Should().Equal(code.ToUpperInvariant());

    [Theory]
    [InlineData("J2.9")]
    [InlineData("002.9")]
    [InlineData("J02.")]
    [InlineData("J02.12345")]
    [InlineData("J0-2")]
    [InlineData("")]
    [InlineData(null)]
    public void GivenRoomedPatient_WhenCompleteWithMalformedDiagnosis_ThenThatDiagnosisRejected(string? code) =>
        Complete(new CompleteEncounter(Dx("J02.9", code), [OfficeVisit])).ThenRejects("diagnoses[1].code");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithDuplicateDiagnosis_ThenDuplicateRejected() =>
        Complete(new CompleteEncounter(Dx("J02.9", "j02.9"), [OfficeVisit])).ThenRejects("diagnoses[1].code");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithoutDiagnoses_ThenDiagnosesRejected()
    {
        Complete(new CompleteEncounter(Dx(), [OfficeVisit])).ThenRejects("diagnoses");
        Complete(new CompleteEncounter(null, [OfficeVisit])).ThenRejects("diagnoses");
    }

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithThirteenDiagnoses_ThenDiagnosesRejected() =>
        Complete(new CompleteEncounter(Dx([.. Enumerable.Range(10, 13).Select(n => $"R{n}")]), [OfficeVisit])).ThenRejects("diagnoses");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithTwelveDiagnoses_ThenAccepted() =>
        Complete(new CompleteEncounter(Dx([.. Enumerable.Range(10, 12).Select(n => $"R{n}")]), [OfficeVisit]))
            .ThenSingle<EncounterCompleted>().Diagnoses.Should().HaveCount(12);

    [Theory]
    [InlineData("99213")]
    [InlineData("3074F")]
    [InlineData("0042T")]
    [InlineData("J1100")]
    [InlineData("A0425")]
    public void GivenRoomedPatient_WhenCompleteWithWellFormedProcedure_ThenAccepted(string code) =>
        Complete(new CompleteEncounter(Dx("J02.9"), [new ProcedureEntry(code, 1)])).ThenSingle<EncounterCompleted>()
            .Procedures.Should().BeEquivalentTo([new Procedure(code, 1, [])]);

    [Theory]
    [InlineData("9921")]
    [InlineData("992134")]
    [InlineData("3074X")]
    [InlineData("W1100")]
    [InlineData("J110")]
    [InlineData(null)]
    public void GivenRoomedPatient_WhenCompleteWithMalformedProcedureCode_ThenThatCodeRejected(string? code) =>
        Complete(new CompleteEncounter(Dx("J02.9"), [OfficeVisit, new ProcedureEntry(code, 1)])).ThenRejects("procedures[1].code");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    public void GivenRoomedPatient_WhenCompleteWithUnitsOutOfRange_ThenThoseUnitsRejected(int units) =>
        Complete(new CompleteEncounter(Dx("J02.9"), [new ProcedureEntry("99213", units)])).ThenRejects("procedures[0].units");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithoutProcedures_ThenProceduresRejected() =>
        Complete(new CompleteEncounter(Dx("J02.9"), [])).ThenRejects("procedures");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteInTheFuture_ThenCompletedAtRejected() =>
        Complete(new CompleteEncounter(Dx("J02.9"), [OfficeVisit], Now.AddHours(2))).ThenRejects("completedAt");

    [Fact]
    public void GivenCompletedEncounter_WhenCompleteAgain_ThenConflict() =>
        Given(Opened, new EncounterCompleted(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now))
            .When(s => CompleteEncounterDecider.Decide(s, new CompleteEncounter(Dx("J02.9"), [OfficeVisit]), Now))
            .ThenConflicts();

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithThePrimaryListedSecond_ThenThePrimaryComesFirst() =>
        Complete(new CompleteEncounter([new DiagnosisEntry("I10"), new DiagnosisEntry("J02.9", Primary: true)], [OfficeVisit]))
            .ThenSingle<EncounterCompleted>().Diagnoses.Should().Equal("J02.9", "I10");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithoutAPrimaryDiagnosis_ThenDiagnosesRejected() =>
        Complete(new CompleteEncounter([new DiagnosisEntry("J02.9"), new DiagnosisEntry("I10")], [OfficeVisit])).ThenRejects("diagnoses");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithTwoPrimaryDiagnoses_ThenDiagnosesRejected() =>
        Complete(new CompleteEncounter([new DiagnosisEntry("J02.9", true), new DiagnosisEntry("I10", true)], [OfficeVisit])).ThenRejects("diagnoses");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithModifiers_ThenTheyAreKeptUpperCasedInOrder() =>
        Complete(new CompleteEncounter(Dx("J02.9"), [new ProcedureEntry("99213", 1, ["25"]), new ProcedureEntry("20610", 1, ["rt", "59"])]))
            .ThenSingle<EncounterCompleted>().Procedures.Should().BeEquivalentTo(
                [new Procedure("99213", 1, ["25"]), new Procedure("20610", 1, ["RT", "59"])], o => o.WithStrictOrdering());

    [Theory]
    [InlineData("2")]
    [InlineData("255")]
    [InlineData("R-")]
    [InlineData(null)]
    public void GivenRoomedPatient_WhenCompleteWithAMalformedModifier_ThenThatModifierRejected(string? modifier) =>
        Complete(new CompleteEncounter(Dx("J02.9"), [new ProcedureEntry("99213", 1, ["25", modifier])])).ThenRejects("procedures[0].modifiers[1]");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithAModifierTwice_ThenTheSecondRejected() =>
        Complete(new CompleteEncounter(Dx("J02.9"), [new ProcedureEntry("20610", 1, ["RT", "rt"])])).ThenRejects("procedures[0].modifiers[1]");

    [Fact]
    public void GivenRoomedPatient_WhenCompleteWithFiveModifiers_ThenModifiersRejected() =>
        Complete(new CompleteEncounter(Dx("J02.9"), [new ProcedureEntry("20610", 1, ["RT", "59", "25", "76", "77"])])).ThenRejects("procedures[0].modifiers");

    [Fact]
    public void GivenProviderStartedAtNine_WhenCompletedBackDatedToBeforeThat_ThenCompletedAtRejected() =>
        Given(Opened, new ProviderEncounterStarted(VisitId, PatientId, ProviderId, Now.AddMinutes(-10)))
            .When(s => CompleteEncounterDecider.Decide(s, new CompleteEncounter(Dx("J02.9"), [OfficeVisit], Now.AddMinutes(-20)), Now))
            .ThenRejects("completedAt");
}
