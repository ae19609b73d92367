using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.CorrectingArrival;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class ArrivalCorrectionTests
{
    private static ArrivalTimeCorrected Corrected(DateTimeOffset from, DateTimeOffset to, string reason = "entered late") =>
        new(AppointmentId, PatientId, from, to, reason, Now);

    [Fact]
    public void GivenCheckedIn_WhenArrivalCorrectedEarlier_ThenCorrectionKeepsThePreviousTime() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-5)))
            .When(new CorrectArrivalTime(Now.AddMinutes(-25), "entered late"))
            .Then(Corrected(Now.AddMinutes(-5), Now.AddMinutes(-25)));

    [Fact]
    public void GivenCorrectedOnce_WhenCorrectedAgain_ThenPreviousIsTheFirstCorrection() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-5)), Corrected(Now.AddMinutes(-5), Now.AddMinutes(-25)))
            .When(new CorrectArrivalTime(Now.AddMinutes(-20), "typo in the correction"))
            .Then(Corrected(Now.AddMinutes(-25), Now.AddMinutes(-20), "typo in the correction"));

    [Fact]
    public void GivenCheckedOut_WhenArrivalCorrectedBeforeDeparture_ThenCorrected() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40)), Departed(Now.AddMinutes(-10)))
            .When(new CorrectArrivalTime(Now.AddMinutes(-50), "entered late"))
            .Then(Corrected(Now.AddMinutes(-40), Now.AddMinutes(-50)));

    [Fact]
    public void GivenCheckedOut_WhenArrivalCorrectedAfterDeparture_ThenArrivedAtRejected() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-40)), Departed(Now.AddMinutes(-10)))
            .When(new CorrectArrivalTime(Now.AddMinutes(-5), "entered late")).ThenRejects("arrivedAt");

    [Fact]
    public void GivenBooked_WhenArrivalCorrected_ThenConflictBecauseNoArrivalIsRecorded() =>
        AppointmentSpec.Given(Booked).When(new CorrectArrivalTime(Now.AddMinutes(-5), "entered late")).ThenConflicts();

    [Fact]
    public void GivenCheckedIn_WhenArrivalCorrectedIntoTheFuture_ThenArrivedAtRejected() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-5)))
            .When(new CorrectArrivalTime(Now.AddHours(1), "entered late")).ThenRejects("arrivedAt");

    [Fact]
    public void GivenCheckedIn_WhenArrivalCorrectedWithoutReason_ThenReasonRejected() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-5)))
            .When(new CorrectArrivalTime(Now.AddMinutes(-25), "  ")).ThenRejects("reason");

    [Fact]
    public void GivenCheckedIn_WhenArrivalCorrectedToTheSameTime_ThenArrivedAtRejected() =>
        AppointmentSpec.Given(Booked, Arrived(Now.AddMinutes(-5)))
            .When(new CorrectArrivalTime(Now.AddMinutes(-5), "entered late")).ThenRejects("arrivedAt");
}
