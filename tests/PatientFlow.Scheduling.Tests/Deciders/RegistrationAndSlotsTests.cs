using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Patients.Registering;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Scheduling.Tests.Deciders.ScheduleSpec;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class RegistrationAndSlotsTests
{
    private static RegisterPatient Valid => new(" mrn-77 ", "Ada", "Example", new DateOnly(1980, 4, 12), Sex.Female);

    [Fact]
    public void GivenNothing_WhenRegisterPatient_ThenRegisteredWithNormalisedMrn()
    {
        var registered = RegisterPatientDecider.Decide(PatientId, Valid, Now);

        registered.Mrn.Should().Be("MRN-77");
        registered.Should().BeEquivalentTo(new { PatientId, FirstName = "Ada", LastName = "Example", Sex = Sex.Female, RegisteredAt = Now });
    }

    public static TheoryData<RegisterPatient, string> Invalid => new()
    {
        { Valid with { Mrn = " " }, "mrn" },
        { Valid with { FirstName = "" }, "firstName" },
        { Valid with { LastName = new string('x', 101) }, "lastName" },
        { Valid with { DateOfBirth = new DateOnly(2027, 1, 1) }, "dateOfBirth" },
        { Valid with { DateOfBirth = new DateOnly(1899, 12, 31) }, "dateOfBirth" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void GivenNothing_WhenRegisterInvalidPatient_ThenFieldRejected(RegisterPatient command, string field)
    {
        var act = () => RegisterPatientDecider.Decide(PatientId, command, Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void GivenProvider_WhenOpenSlots_ThenConsecutiveSlotsOfTheDuration()
    {
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        var opened = OpenSlotsDecider.Decide(GivenProvider(), new OpenSlots(Now.AddDays(1), 15, 3), ids, Now);

        opened.Slots.Select(s => (s.StartsAt, s.EndsAt)).Should().Equal(
            (Now.AddDays(1), Now.AddDays(1).AddMinutes(15)),
            (Now.AddDays(1).AddMinutes(15), Now.AddDays(1).AddMinutes(30)),
            (Now.AddDays(1).AddMinutes(30), Now.AddDays(1).AddMinutes(45)));
    }

    [Fact]
    public void GivenProviderWithSlots_WhenOpenOverlappingSlot_ThenConflict()
    {
        var act = () => OpenSlotsDecider.Decide(GivenProvider(), new OpenSlots(First.StartsAt.AddMinutes(10), 20, 1), [Guid.CreateVersion7()], Now);

        act.Should().Throw<ConflictException>();
    }

    [Theory]
    [InlineData(4, 1, "durationMinutes")]
    [InlineData(241, 1, "durationMinutes")]
    [InlineData(15, 0, "count")]
    [InlineData(15, 97, "count")]
    public void GivenProvider_WhenOpenSlotsOutOfRange_ThenFieldRejected(int duration, int count, string field)
    {
        var act = () => OpenSlotsDecider.Decide(GivenProvider(), new OpenSlots(Now.AddDays(1), duration, count), [], Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }
}
