using Hl7.Fhir.Model;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Fhir;
using static Hl7.Fhir.Model.Appointment;
using static PatientFlow.Tracking.Tests.Fhir.FhirJson;

namespace PatientFlow.Tracking.Tests.Fhir;

public class AppointmentTests
{
    private readonly ClinicVisit visit = ClinicVisit.New();

    private static Appointment AppointmentOf(params IVisitEvent[] events) => RoundTrip(VisitResources.Build(events).Appointment);

    [Fact]
    public void Build_Booked_AppointmentWithSlotTypeAndParticipants()
    {
        var booked = visit.Booked();

        var appointment = AppointmentOf(booked);

        appointment.Id.Should().Be(visit.VisitId.ToString("D"));
        appointment.Status.Should().Be(AppointmentStatus.Booked);
        appointment.Start.Should().Be(visit.At(0));
        appointment.End.Should().Be(visit.At(30));
        Time(appointment.CreatedElement).Should().Be(visit.At(-24 * 60));
        appointment.AppointmentType?.Coding.Single().Should().BeEquivalentTo(new { System = Terminology.AppointmentReason, Code = "FOLLOWUP" });
        appointment.AppointmentType?.Text.Should().Be("follow-up");
        appointment.Participant.Select(p => p.Actor?.Reference).Should().Equal(
            $"Patient/{visit.PatientId:D}", $"Practitioner/{visit.ProviderId:D}", "Location/north.EXAM-1");
        appointment.Participant.Should().OnlyContain(p => p.Status == ParticipationStatus.Accepted);
        appointment.Meta?.LastUpdated.Should().Be(booked.RecordedAt);
    }

    [Fact]
    public void Build_CheckedInThenOut_ArrivedThenFulfilled()
    {
        AppointmentOf(visit.Booked(), visit.CheckedIn()).Status.Should().Be(AppointmentStatus.Arrived);

        var checkedOut = visit.CheckedOut();
        var appointment = AppointmentOf(visit.Booked(), visit.CheckedIn(), checkedOut);

        appointment.Status.Should().Be(AppointmentStatus.Fulfilled);
        appointment.Meta?.LastUpdated.Should().Be(checkedOut.RecordedAt);
    }

    [Fact]
    public void Build_CancelledByTheFrontDesk_CancelledWithTheReason()
    {
        var appointment = AppointmentOf(visit.Booked(), visit.Cancelled());

        appointment.Status.Should().Be(AppointmentStatus.Cancelled);
        appointment.CancelationReason?.Text.Should().Be("patient called, car trouble");
    }

    [Fact]
    public void Build_NoShow_NoshowUntilMovedOrThePatientComes()
    {
        AppointmentOf(visit.Booked(), visit.NoShow()).Status.Should().Be(AppointmentStatus.Noshow);
        AppointmentOf(visit.Booked(), visit.NoShow(minute: 15), visit.CheckedIn(minute: 25)).Status.Should().Be(AppointmentStatus.Arrived);

        var moved = AppointmentOf(visit.Booked(), visit.NoShow(minute: 15), visit.Rescheduled(minute: 20, startsAtMinute: 24 * 60));
        moved.Status.Should().Be(AppointmentStatus.Booked);
        moved.Start.Should().Be(visit.At(24 * 60));
        moved.Participant.Last().Actor?.Reference.Should().Be("Location/north.EXAM-2");
    }

    [Fact]
    public void Build_CheckInArrivesBeforeItsBooking_StatusStaysArrived()
    {
        AppointmentOf(visit.CheckedIn(), visit.Booked()).Status.Should().Be(AppointmentStatus.Arrived);
    }

    [Fact]
    public void Build_WalkInCheckedInWithoutABookingSeen_StartsAtArrival()
    {
        var appointment = AppointmentOf(visit.CheckedIn(minute: 3, walkIn: true));

        appointment.Status.Should().Be(AppointmentStatus.Arrived);
        appointment.Start.Should().Be(visit.At(3));
        appointment.End.Should().Be(visit.At(3));
        appointment.AppointmentType?.Coding.Single().Code.Should().Be("WALKIN");
    }

    [Fact]
    public void Build_NoBookingNorCheckIn_NoAppointment()
    {
        VisitResources.Build([visit.Eligibility()]).Appointment.Should().BeNull();
    }
}
