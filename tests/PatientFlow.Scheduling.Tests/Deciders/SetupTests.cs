using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.AppointmentTypes.Defining;
using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Clinics.Registering;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Scheduling.Resources.Registering;
using PatientFlow.Testing;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Clinics, rooms, equipment and appointment types.</summary>
public class SetupTests
{
    [Fact]
    public void GivenNothing_WhenClinicRegistered_ThenItsIdDerivesFromItsCode() =>
        new DecisionOutcome(() => [RegisterClinicDecider.Decide(new RegisterClinic(" North ", "North Clinic", "America/New_York"), Now)])
            .Then(new ClinicRegistered(ClinicDetails.IdOf("north"), "north", "North Clinic", "America/New_York", Now));

    [Fact]
    public void GivenNothing_WhenClinicRegisteredWithAnUnknownTimeZone_ThenTimeZoneRejected() =>
        new DecisionOutcome(() => [RegisterClinicDecider.Decide(new RegisterClinic("north", "North", "Mars/Olympus"), Now)]).ThenRejects("timeZone");

    [Fact]
    public void GivenClinic_WhenRoomRegistered_ThenItsCodeIsUniqueWithinTheClinic()
    {
        var registered = RegisterResourceDecider.Decide(North, new RegisterResource(ResourceKind.Room, "exam-3", "Exam 3", "north", "exam-room"), Now);

        registered.Should().Be(new ResourceRegistered(RegisterResourceDecider.IdOf("north", "EXAM-3"), ResourceKind.Room, "EXAM-3", "Exam 3", "north", "exam-room", Now));
        RegisterResourceDecider.IdOf("south", "EXAM-3").Should().NotBe(registered.ResourceId);
    }

    [Fact]
    public void GivenNothing_WhenAppointmentTypeDefined_ThenDurationAndEquipmentAreKept() =>
        new DecisionOutcome(() => [DefineAppointmentTypeDecider.Decide(new DefineAppointmentType("ECG-Check", "ECG check", 30, ["ECG"]), Now)])
            .Then(new AppointmentTypeDefined(AppointmentTypeDetails.IdOf("ecg-check"), "ecg-check", "ECG check", 30, ["ecg"], Now));

    public static TheoryData<DefineAppointmentType, string> InvalidTypes => new()
    {
        { new DefineAppointmentType("x y", "X", 20), "code" },
        { new DefineAppointmentType("short", "Short", 4), "durationMinutes" },
        { new DefineAppointmentType("long", "Long", 481), "durationMinutes" },
        { new DefineAppointmentType("twice", "Twice", 20, ["ecg", "ECG"]), "requiredEquipment" },
    };

    [Theory]
    [MemberData(nameof(InvalidTypes))]
    public void GivenNothing_WhenInvalidAppointmentTypeDefined_ThenTheFieldIsRejected(DefineAppointmentType command, string field) =>
        new DecisionOutcome(() => [DefineAppointmentTypeDecider.Decide(command, Now)]).ThenRejects(field);
}
