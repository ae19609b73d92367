using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.Appointments.CheckingOut;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class CheckInAndOutTests
{
    private static CheckIn Confirmed(DateTimeOffset? at = null) => new(at, DemographicsConfirmed: true, InsuranceConfirmed: true);

    [Fact]
    public void GivenBooked_WhenCheckInConfirmed_ThenCheckedInWithTheInsuranceOnFile() =>
        AppointmentSpec.Given(Booked).When(Confirmed()).Then(Arrived(Now));

    [Fact]
    public void GivenBooked_WhenCheckInWithoutConfirmingDemographics_ThenDemographicsConfirmedRejected() =>
        AppointmentSpec.Given(Booked).When(new CheckIn(InsuranceConfirmed: true)).ThenRejects("demographicsConfirmed");

    [Fact]
    public void GivenBooked_WhenCheckInWithoutConfirmingInsurance_ThenInsuranceConfirmedRejected() =>
        AppointmentSpec.Given(Booked).When(new CheckIn(DemographicsConfirmed: true)).ThenRejects("insuranceConfirmed");

    [Fact]
    public void GivenBooked_WhenCheckInBackDated_ThenArrivalKeepsClinicTime() =>
        AppointmentSpec.Given(Booked).When(Confirmed(Now.AddMinutes(-12))).Then(Arrived(Now.AddMinutes(-12)));

    [Fact]
    public void GivenBooked_WhenCheckInInTheFuture_ThenArrivedAtRejected() =>
        AppointmentSpec.Given(Booked).When(Confirmed(Now.AddHours(1))).ThenRejects("arrivedAt");

    [Fact]
    public void GivenBooked_WhenArrivingElevenMinutesAfterTheStart_ThenLateArrivalFlagged()
    {
        var arrival = First.StartsAt.AddMinutes(11);
        AppointmentSpec.Given(Booked).When(Confirmed(), arrival).Then(
            Arrived(arrival), new LateArrivalFlagged(AppointmentId, PatientId, First.StartsAt, arrival, 11));
    }

    [Fact]
    public void GivenBooked_WhenArrivingTenMinutesAfterTheStart_ThenNotLate() =>
        AppointmentSpec.Given(Booked).When(Confirmed(), First.StartsAt.AddMinutes(10)).ThenSingle<PatientCheckedIn>();

    [Fact]
    public void GivenMarkedNoShow_WhenThePatientTurnsUp_ThenCheckedInAndFlaggedLate()
    {
        var arrival = First.StartsAt.AddMinutes(25);
        AppointmentSpec.Given(Booked, new NoShowRecorded(AppointmentId, PatientId, ProviderId, First.StartsAt, First.StartsAt.AddMinutes(21)))
            .When(Confirmed(), arrival).Then(Arrived(arrival), new LateArrivalFlagged(AppointmentId, PatientId, First.StartsAt, arrival, 25));
    }

    [Fact]
    public void GivenCancelled_WhenCheckIn_ThenConflict() =>
        AppointmentSpec.Given(Booked, new AppointmentCancelled(AppointmentId, PatientId, ProviderId, "patient called", Now.AddDays(-1)))
            .When(Confirmed()).ThenConflicts();

    [Fact]
    public void GivenCheckedIn_WhenCheckInAgain_ThenConflict() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-3))).When(Confirmed()).ThenConflicts();

    [Fact]
    public void GivenCheckedOut_WhenCheckIn_ThenConflict() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40)), Departed(Now.AddMinutes(-1))).When(Confirmed()).ThenConflicts();

    [Fact]
    public void GivenBooked_WhenCheckOut_ThenConflictBecauseThePatientNeverArrived() =>
        AppointmentSpec.Given(Booked).When(new CheckOut()).ThenConflicts();

    [Fact]
    public void GivenCheckedIn_WhenCheckOut_ThenCheckedOutNow() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40))).When(new CheckOut()).Then(Departed(Now));

    [Fact]
    public void GivenCheckedIn_WhenCheckOutWithAFollowUp_ThenTheCheckOutNamesTheFollowUpVisit()
    {
        var followUp = Guid.CreateVersion7();
        var state = AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40))).State;

        CheckOutDecider.Decide(state, new CheckOut(FollowUp: new FollowUpBooking(Second.SlotId, "follow-up")), Now, followUp)
            .Should().Be(new PatientCheckedOut(AppointmentId, PatientId, Now, followUp));
    }

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
