using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Scheduling.Tests.Deciders.ScheduleSpec;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class CheckInAndOutTests
{
    [Fact]
    public void GivenBooked_WhenCheckIn_ThenCheckedInNowWithProviderAndClinic() =>
        CheckInDecider.Decide(GivenAppointment(), new CheckIn(), Now)
            .Should().Be(new PatientCheckedIn(AppointmentId, PatientId, ProviderId, "north", Now));

    [Fact]
    public void GivenBooked_WhenCheckInBackDated_ThenArrivalKeepsClinicTime() =>
        CheckInDecider.Decide(GivenAppointment(), new CheckIn(Now.AddMinutes(-12)), Now).ArrivedAt.Should().Be(Now.AddMinutes(-12));

    [Fact]
    public void GivenBooked_WhenCheckInInTheFuture_ThenArrivedAtRejected()
    {
        var act = () => CheckInDecider.Decide(GivenAppointment(), new CheckIn(Now.AddHours(1)), Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("arrivedAt");
    }

    [Fact]
    public void GivenCheckedIn_WhenCheckInAgain_ThenConflict()
    {
        var act = () => CheckInDecider.Decide(GivenAppointment(new PatientCheckedIn(AppointmentId, PatientId, ProviderId, "north", Now)), new CheckIn(), Now);

        act.Should().Throw<ConflictException>();
    }

    [Fact]
    public void GivenBooked_WhenCheckOut_ThenConflictBecauseThePatientNeverArrived()
    {
        var act = () => CheckOutDecider.Decide(GivenAppointment(), new CheckOut(), Now);

        act.Should().Throw<ConflictException>();
    }

    [Fact]
    public void GivenCheckedIn_WhenCheckOut_ThenCheckedOut() =>
        CheckOutDecider.Decide(GivenAppointment(new PatientCheckedIn(AppointmentId, PatientId, ProviderId, "north", Now.AddMinutes(-40))), new CheckOut(), Now)
            .Should().Be(new PatientCheckedOut(AppointmentId, PatientId, Now));

    [Fact]
    public void GivenCheckedIn_WhenCheckOutBeforeArrival_ThenDepartedAtRejected()
    {
        var appointment = GivenAppointment(new PatientCheckedIn(AppointmentId, PatientId, ProviderId, "north", Now.AddMinutes(-10)));

        var act = () => CheckOutDecider.Decide(appointment, new CheckOut(Now.AddMinutes(-20)), Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("departedAt");
    }

    [Fact]
    public void GivenCheckedOut_WhenCheckOutAgain_ThenConflict()
    {
        var appointment = GivenAppointment(
            new PatientCheckedIn(AppointmentId, PatientId, ProviderId, "north", Now.AddMinutes(-40)),
            new PatientCheckedOut(AppointmentId, PatientId, Now.AddMinutes(-1)));

        var act = () => CheckOutDecider.Decide(appointment, new CheckOut(), Now);

        act.Should().Throw<ConflictException>();
    }
}
