using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.RecordingHistory;
using static PatientFlow.Intake.Tests.Deciders.EncounterSpec;

namespace PatientFlow.Intake.Tests.Deciders;

/// <summary>Chief complaint, problems, allergies and medication reconciliation.</summary>
public class HistoryTests
{
    private static readonly EncounterCompleted Completed = new(VisitId, PatientId, ProviderId, ["J02.9"], [new Procedure("99213", 1)], Now.AddMinutes(-1));
    private static readonly AllergyRecorded Penicillin = new(VisitId, PatientId, "penicillin", "hives", AllergySeverity.Moderate, AllergyKind.Drug, Now.AddMinutes(-5));

    [Fact]
    public void GivenOpenEncounter_WhenChiefComplaintRecorded_ThenRecordedTrimmed() =>
        Given(Opened).When(s => RecordChiefComplaintDecider.Decide(s, new RecordChiefComplaint(" sore throat ", "3 days"), Now))
            .Then(new ChiefComplaintRecorded(VisitId, PatientId, "sore throat", "3 days", Now));

    [Fact]
    public void GivenOpenEncounter_WhenChiefComplaintEmpty_ThenTextRejected() =>
        Given(Opened).When(s => RecordChiefComplaintDecider.Decide(s, new RecordChiefComplaint(" "), Now)).ThenRejects("text");

    [Fact]
    public void GivenCompletedEncounter_WhenChiefComplaintRecorded_ThenConflict() =>
        Given(Opened, Completed).When(s => RecordChiefComplaintDecider.Decide(s, new RecordChiefComplaint("cough"), Now)).ThenConflicts();

    [Fact]
    public void GivenOpenEncounter_WhenProblemRecordedWithAnIcd10Code_ThenCodeUpperCased() =>
        Given(Opened).When(s => RecordProblemDecider.Decide(s, new RecordProblem("Hypertension", "i10", ProblemStatus.Active, new DateOnly(2019, 5, 1)), Now))
            .Then(new ProblemRecorded(VisitId, PatientId, "Hypertension", "I10", ProblemStatus.Active, new DateOnly(2019, 5, 1), Now));

    [Fact]
    public void GivenOpenEncounter_WhenProblemRecordedWithAMalformedCode_ThenIcd10CodeRejected() =>
        Given(Opened).When(s => RecordProblemDecider.Decide(s, new RecordProblem("Hypertension", "110"), Now)).ThenRejects("icd10Code");

    [Fact]
    public void GivenOpenEncounter_WhenProblemBeganInTheFuture_ThenOnsetDateRejected() =>
        Given(Opened).When(s => RecordProblemDecider.Decide(s, new RecordProblem("Asthma", OnsetDate: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(3)), Now)).ThenRejects("onsetDate");

    [Fact]
    public void GivenOpenEncounter_WhenAllergyRecorded_ThenRecordedWithReactionAndSeverity() =>
        Given(Opened).When(s => RecordAllergyDecider.Decide(s, new RecordAllergy("penicillin", "hives", AllergySeverity.Moderate, AllergyKind.Drug), Now))
            .Then(Penicillin with { RecordedAt = Now });

    [Fact]
    public void GivenOpenEncounter_WhenAllergyWithoutSeverity_ThenSeverityRejected() =>
        Given(Opened).When(s => RecordAllergyDecider.Decide(s, new RecordAllergy("latex", "rash"), Now)).ThenRejects("severity");

    [Fact]
    public void GivenNoKnownAllergiesRecorded_WhenAllergyRecorded_ThenConflict() =>
        Given(Opened, new NoKnownAllergiesRecorded(VisitId, PatientId, Now.AddMinutes(-3)))
            .When(s => RecordAllergyDecider.Decide(s, new RecordAllergy("latex", "rash", AllergySeverity.Mild), Now)).ThenConflicts();

    [Fact]
    public void GivenAnAllergyRecorded_WhenNoKnownAllergiesRecorded_ThenConflict() =>
        Given(Opened, Penicillin).When(s => RecordAllergyDecider.DecideNoneKnown(s, Now)).ThenConflicts();

    [Fact]
    public void GivenTheAllergyWasEnteredInError_WhenNoKnownAllergiesRecorded_ThenRecorded()
    {
        var allergyId = Guid.CreateVersion7();
        Given(Opened, Recorded(Penicillin, allergyId), new EntryEnteredInError(VisitId, PatientId, allergyId, EntryKind.Allergy, "wrong patient", Now.AddMinutes(-1)))
            .When(s => RecordAllergyDecider.DecideNoneKnown(s, Now)).Then(new NoKnownAllergiesRecorded(VisitId, PatientId, Now));
    }

    [Fact]
    public void GivenNoKnownAllergiesRecorded_WhenRecordedAgain_ThenNothingNew() =>
        Given(Opened, new NoKnownAllergiesRecorded(VisitId, PatientId, Now.AddMinutes(-3))).When(s => RecordAllergyDecider.DecideNoneKnown(s, Now)).Then();

    private static DecisionOutcome Reconcile(params MedicationEntry?[] medications) =>
        Given(Opened).When(s => ReconcileMedicationsDecider.Decide(s, new ReconcileMedications(medications), Now));

    [Fact]
    public void GivenOpenEncounter_WhenMedicationsReconciled_ThenEachLineKeepsItsStatus() =>
        Reconcile(
                new MedicationEntry("lisinopril", "10 mg", "daily", "314076", MedicationStatus.Continued),
                new MedicationEntry("metformin", "500 mg", "twice daily", null, MedicationStatus.Changed, Change: "1000 mg twice daily"),
                new MedicationEntry("ibuprofen", null, null, null, MedicationStatus.Stopped, Reason: "gastritis"))
            .Then(new MedicationsReconciled(VisitId, PatientId,
            [
                new MedicationLine("lisinopril", "10 mg", "daily", "314076", MedicationStatus.Continued, null, null),
                new MedicationLine("metformin", "500 mg", "twice daily", null, MedicationStatus.Changed, "1000 mg twice daily", null),
                new MedicationLine("ibuprofen", null, null, null, MedicationStatus.Stopped, null, "gastritis"),
            ], Now));

    [Fact]
    public void GivenOpenEncounter_WhenReconcilingNothing_ThenMedicationsRejected() => Reconcile().ThenRejects("medications");

    [Fact]
    public void GivenOpenEncounter_WhenAMedicationIsListedTwice_ThenTheSecondNameRejected() =>
        Reconcile(new MedicationEntry("Lisinopril", Status: MedicationStatus.Continued), new MedicationEntry("lisinopril", Status: MedicationStatus.Continued))
            .ThenRejects("medications[1].name");

    [Fact]
    public void GivenOpenEncounter_WhenAChangeSaysNotWhat_ThenChangeRejected() =>
        Reconcile(new MedicationEntry("metformin", Status: MedicationStatus.Changed)).ThenRejects("medications[0].change");

    [Fact]
    public void GivenOpenEncounter_WhenAStopSaysNotWhy_ThenReasonRejected() =>
        Reconcile(new MedicationEntry("ibuprofen", Status: MedicationStatus.Stopped)).ThenRejects("medications[0].reason");

    [Fact]
    public void GivenOpenEncounter_WhenAMedicationHasNoStatus_ThenStatusRejected() =>
        Reconcile(new MedicationEntry("aspirin")).ThenRejects("medications[0].status");

    [Fact]
    public void GivenOpenEncounter_WhenAnRxNormCodeIsNotNumeric_ThenRxNormCodeRejected() =>
        Reconcile(new MedicationEntry("aspirin", RxNormCode: "ASA-81", Status: MedicationStatus.Continued)).ThenRejects("medications[0].rxNormCode");
}
