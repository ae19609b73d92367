using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Patients.Correcting;
using PatientFlow.Scheduling.Patients.Registering;
using PatientFlow.Testing;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class RegistrationTests
{
    private static readonly Guid Existing = Guid.CreateVersion7();

    private static RegisterPatient Valid => new(" mrn-77 ", " Ada ", "Example", new DateOnly(1980, 4, 12), Sex.Female, " ", "W123", "ada@example.org", "1 Main St", "Acme Health", Clinic: " North ");

    private static readonly PatientRegistered Expected = new(
        PatientId, "MRN-77", "Ada", "Example", new DateOnly(1980, 4, 12), Sex.Female, null, "W123", Now, "ada@example.org", "1 Main St", "Acme Health", "north");

    private static DecisionOutcome WhenRegister(RegisterPatient command, params Guid[] sameNameAndBirth) =>
        new(() => RegisterPatientDecider.Decide(PatientId, command, sameNameAndBirth, Now));

    [Fact]
    public void GivenNothing_WhenRegisterPatient_ThenRegisteredWithNormalisedMrnAndTrimmedFields() =>
        WhenRegister(Valid).Then(Expected);

    [Fact]
    public void GivenNothing_WhenRegisterPatientBornToday_ThenRegistered() =>
        WhenRegister(Valid with { DateOfBirth = DateOnly.FromDateTime(Now.UtcDateTime) }).ThenSingle<PatientRegistered>();

    [Fact]
    public void GivenPatientWithTheSameNameAndBirthDate_WhenRegister_ThenConflictNamesTheLikelyDuplicate() =>
        WhenRegister(Valid, Existing).ThenConflictsOn("possible-duplicate", Existing);

    [Fact]
    public void GivenPatientWithTheSameNameAndBirthDate_WhenRegisterConfirmingTheyDiffer_ThenRegisteredAndFlaggedForReview() =>
        WhenRegister(Valid with { NotDuplicateOf = [Existing] }, Existing).Then(Expected, new PossibleDuplicateFlagged(PatientId, [Existing], Now));

    [Fact]
    public void GivenTwoLikelyDuplicates_WhenRegisterConfirmingOnlyOne_ThenConflictNamesTheOther()
    {
        var second = Guid.CreateVersion7();
        WhenRegister(Valid with { NotDuplicateOf = [Existing] }, Existing, second).ThenConflictsOn("possible-duplicate", second);
    }

    [Fact]
    public void GivenNamesDifferingOnlyInCaseAndSpacing_WhenKeyed_ThenTheyShareAnIdentityKey() =>
        PatientDetails.IdentityKeyOf(" ada ", "O'Neil", new DateOnly(1980, 4, 12)).Should().Be(PatientDetails.IdentityKeyOf("ADA", "oneil", new DateOnly(1980, 4, 12)));

    public static TheoryData<RegisterPatient, string> Invalid => new()
    {
        { Valid with { Mrn = " " }, "mrn" },
        { Valid with { FirstName = "" }, "firstName" },
        { Valid with { LastName = "\t" }, "lastName" },
        { Valid with { LastName = new string('x', 101) }, "lastName" },
        { Valid with { DateOfBirth = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1) }, "dateOfBirth" },
        { Valid with { DateOfBirth = new DateOnly(1899, 12, 31) }, "dateOfBirth" },
        { Valid with { Email = "not-an-email" }, "email" },
        { Valid with { Clinic = null }, "clinic" },
        { Valid with { Clinic = "north clinic" }, "clinic" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void GivenNothing_WhenRegisterInvalidPatient_ThenFieldRejected(RegisterPatient command, string field) =>
        WhenRegister(command).ThenRejects(field);

    [Fact]
    public void GivenRegisteredPatient_WhenPhoneAndInsuranceCorrected_ThenEachChangeKeepsThePreviousValue() =>
        new DecisionOutcome(() => [CorrectPatientDecider.Decide(Patient, new CorrectPatient(Phone: "555-0100", InsuranceMemberId: "W999", Reason: "new card"), Now)])
            .Then(new PatientDetailsCorrected(PatientId, [new FieldChange("phone", null, "555-0100"), new FieldChange("insuranceMemberId", "W123", "W999")], "new card", Now));

    [Fact]
    public void GivenCorrection_WhenProjected_ThenDetailsShowTheNewValueAndTheHistory()
    {
        var corrected = new PatientDetailsCorrected(PatientId, [new FieldChange("lastName", "Example", "Sample")], "typo", Now);

        var details = Patient.Apply(corrected);

        details.LastName.Should().Be("Sample");
        details.Corrections.Should().ContainSingle().Which.Changes.Should().Equal(new FieldChange("lastName", "Example", "Sample"));
    }

    [Fact]
    public void GivenRegisteredPatient_WhenCorrectedWithoutReason_ThenReasonRejected() =>
        new DecisionOutcome(() => [CorrectPatientDecider.Decide(Patient, new CorrectPatient(Phone: "555-0100"), Now)]).ThenRejects("reason");

    [Fact]
    public void GivenRegisteredPatient_WhenCorrectionChangesNothing_ThenRejected() =>
        new DecisionOutcome(() => [CorrectPatientDecider.Decide(Patient, new CorrectPatient(LastName: "Example", Reason: "check"), Now)]).ThenRejects("body");

    [Fact]
    public void GivenRegisteredPatient_WhenBirthDateCorrectedIntoTheFuture_ThenDateOfBirthRejected() =>
        new DecisionOutcome(() => [CorrectPatientDecider.Decide(Patient, new CorrectPatient(DateOfBirth: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(2), Reason: "x"), Now)])
            .ThenRejects("dateOfBirth");
}
