using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Patients.Registering;
using PatientFlow.Testing;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class RegistrationTests
{
    private static RegisterPatient Valid => new(" mrn-77 ", " Ada ", "Example", new DateOnly(1980, 4, 12), Sex.Female, " ", "W123");

    private static DecisionOutcome WhenRegister(RegisterPatient command) => new(() => [RegisterPatientDecider.Decide(PatientId, command, Now)]);

    [Fact]
    public void GivenNothing_WhenRegisterPatient_ThenRegisteredWithNormalisedMrnAndTrimmedFields() =>
        WhenRegister(Valid).Then(new PatientRegistered(PatientId, "MRN-77", "Ada", "Example", new DateOnly(1980, 4, 12), Sex.Female, null, "W123", Now));

    [Fact]
    public void GivenNothing_WhenRegisterPatientBornToday_ThenRegistered() =>
        WhenRegister(Valid with { DateOfBirth = DateOnly.FromDateTime(Now.UtcDateTime) }).ThenSingle<PatientRegistered>();

    public static TheoryData<RegisterPatient, string> Invalid => new()
    {
        { Valid with { Mrn = " " }, "mrn" },
        { Valid with { FirstName = "" }, "firstName" },
        { Valid with { LastName = "\t" }, "lastName" },
        { Valid with { LastName = new string('x', 101) }, "lastName" },
        { Valid with { DateOfBirth = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1) }, "dateOfBirth" },
        { Valid with { DateOfBirth = new DateOnly(1899, 12, 31) }, "dateOfBirth" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void GivenNothing_WhenRegisterInvalidPatient_ThenFieldRejected(RegisterPatient command, string field) =>
        WhenRegister(command).ThenRejects(field);
}
