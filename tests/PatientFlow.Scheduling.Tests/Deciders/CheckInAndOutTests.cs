using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class CheckInAndOutTests
{
    [Fact]
    public void GivenBooked_WhenCheckIn_ThenCheckedInNowWithProviderAndClinic() =>
        AppointmentSpec.Given(Booked).When(new CheckIn()).Then(Arrived(Now));

    [Fact]
    public void GivenBooked_WhenCheckInBackDated_ThenArrivalKeepsClinicTime() =>
        AppointmentSpec.Given(Booked).When(new CheckIn(Now.AddMinutes(-12))).Then(Arrived(Now.AddMinutes(-12)));

    [Fact]
    public void GivenBooked_WhenCheckInInTheFuture_ThenArrivedAtRejected() =>
        AppointmentSpec.Given(Booked).When(new CheckIn(Now.AddHours(1))).ThenRejects("arrivedAt");

    [Fact]
    public void GivenCheckedIn_WhenCheckInAgain_ThenConflict() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-3))).When(new CheckIn()).ThenConflicts();

    [Fact]
    public void GivenCheckedOut_WhenCheckIn_ThenConflict() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40)), Departed(Now.AddMinutes(-1))).When(new CheckIn()).ThenConflicts();

    [Fact]
    public void GivenBooked_WhenCheckOut_ThenConflictBecauseThePatientNeverArrived() =>
        AppointmentSpec.Given(Booked).When(new CheckOut()).ThenConflicts();

    [Fact]
    public void GivenCheckedIn_WhenCheckOut_ThenCheckedOutNow() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40))).When(new CheckOut()).Then(Departed(Now));

    [Fact]
    public void GivenCheckedIn_WhenCheckOutBackDated_ThenDepartureKeepsClinicTime() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40))).When(new CheckOut(Now.AddMinutes(-5))).Then(Departed(Now.AddMinutes(-5)));

    [Fact]
    public void GivenCheckedIn_WhenCheckOutBeforeArrival_ThenDepartedAtRejected() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-10))).When(new CheckOut(Now.AddMinutes(-20))).ThenRejects("departedAt");

    [Fact]
    public void GivenCheckedOut_WhenCheckOutAgain_ThenConflict() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40)), Departed(Now.AddMinutes(-1))).When(new CheckOut()).ThenConflicts();
}
