using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.Cancelling;
using PatientFlow.Scheduling.Appointments.Rescheduling;
using PatientFlow.Scheduling.Appointments.WalkIns;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Testing;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>Cancel, reschedule, walk-in and no-show: what happens to a visit after booking.</summary>
public class LifecycleTests
{
    private static readonly AppointmentBooked BookedWithRoom = Booked with { SlotIds = [First.SlotId], RoomId = Room.ResourceId, Room = "EXAM-1", EquipmentIds = [EcgA.ResourceId] };

    [Fact]
    public void GivenBooked_WhenCancelWithReason_ThenCancelledAndSlotPatientRoomAndEquipmentReleased() =>
        AppointmentSpec.Given(BookedWithRoom).When(new CancelAppointment(" patient called ")).Then(
            new AppointmentCancelled(AppointmentId, PatientId, ProviderId, "patient called", Now),
            new SlotReleased(ProviderId, First.SlotId, AppointmentId, Now),
            new PatientAppointmentReleased(PatientId, AppointmentId, Now),
            new ResourceReleased(Room.ResourceId, AppointmentId, Now),
            new ResourceReleased(EcgA.ResourceId, AppointmentId, Now));

    [Fact]
    public void GivenOverbookedAppointment_WhenCancel_ThenTheSharedRoomIsNotReleased() =>
        AppointmentSpec.Given(BookedWithRoom with { Overbooked = true, EquipmentIds = [] }).When(new CancelAppointment("clinic closed")).Then(
            new AppointmentCancelled(AppointmentId, PatientId, ProviderId, "clinic closed", Now),
            new SlotReleased(ProviderId, First.SlotId, AppointmentId, Now),
            new PatientAppointmentReleased(PatientId, AppointmentId, Now));

    [Fact]
    public void GivenBooked_WhenCancelWithoutReason_ThenReasonRejected() =>
        AppointmentSpec.Given(Booked).When(new CancelAppointment(" ")).ThenRejects("reason");

    [Fact]
    public void GivenCheckedIn_WhenCancel_ThenConflict() =>
        AppointmentSpec.Given(Booked, Arrived(Now)).When(new CancelAppointment("too late")).ThenConflicts();

    [Fact]
    public void GivenCancelled_WhenCancelAgain_ThenConflict() =>
        AppointmentSpec.Given(Booked, new AppointmentCancelled(AppointmentId, PatientId, ProviderId, "x", Now)).When(new CancelAppointment("again")).ThenConflicts();

    [Fact]
    public void GivenBookedAndStartPastTheGrace_WhenSwept_ThenNoShowRecorded() =>
        AppointmentSpec.Given(Booked).WhenSweptAt(First.StartsAt.AddMinutes(21))
            .Then(new NoShowRecorded(AppointmentId, PatientId, ProviderId, First.StartsAt, First.StartsAt.AddMinutes(21)));

    [Fact]
    public void GivenBookedAndStartWithinTheGrace_WhenSwept_ThenNothing() =>
        AppointmentSpec.Given(Booked).WhenSweptAt(First.StartsAt.AddMinutes(20)).Then();

    [Fact]
    public void GivenCheckedIn_WhenSweptLongAfterTheStart_ThenNothing() =>
        AppointmentSpec.Given(Booked, Arrived(First.StartsAt)).WhenSweptAt(First.StartsAt.AddHours(3)).Then();

    [Fact]
    public void GivenBooked_WhenRescheduledToItsOwnSlot_ThenSlotIdRejected() =>
        new DecisionOutcome(() =>
        {
            RescheduleAppointmentDecider.EnsureMovable(AppointmentSpec.Given(Booked).State, new RescheduleAppointment(First.SlotId));
            return [];
        }).ThenRejects("slotId");

    [Fact]
    public void GivenCheckedIn_WhenRescheduled_ThenConflict() =>
        new DecisionOutcome(() =>
        {
            RescheduleAppointmentDecider.EnsureMovable(AppointmentSpec.Given(Booked, Arrived(Now)).State, new RescheduleAppointment(Second.SlotId));
            return [];
        }).ThenConflicts();

    [Fact]
    public void GivenBookedInTheFirstSlot_WhenMovedToTheSecond_ThenTheMoveIsCheckedOnTheScheduleItsReleaseLeaves()
    {
        var appointment = AppointmentSpec.Given(BookedWithRoom with { EquipmentIds = [] }).State;
        var target = BookingSpec.Given(Created, Opened, Taken(First, AppointmentId), Registered,
            new PatientAppointmentHeld(PatientId, AppointmentId, ProviderId, First.StartsAt, First.EndsAt), Room,
            new ResourceReserved(Room.ResourceId, AppointmentId, First.StartsAt, First.EndsAt)).Target();

        // The patient's own hold and room reservation do not stand in the way of their move.
        var placement = BookAppointmentDecider.Place(target, Second.SlotId, AppointmentId, Now);
        var moved = RescheduleAppointmentDecider.Decide(appointment, placement, "north", new RescheduleAppointment(Second.SlotId, Reason: "patient asked"), Now);

        moved.Should().BeEquivalentTo(new AppointmentRescheduled(
            AppointmentId, PatientId, ProviderId, "north", Second.SlotId, [Second.SlotId], Second.StartsAt, Second.EndsAt,
            Room.ResourceId, "EXAM-1", [], false, First.StartsAt, "patient asked", Now));
        AppointmentSpec.Given(BookedWithRoom, moved).State.Should().Match<Appointment>(a =>
            a.StartsAt == Second.StartsAt && a.SlotIds!.Single() == Second.SlotId && a.ScheduledAt == Now);
    }

    [Fact]
    public void GivenPatientWithoutAppointment_WhenWalkIn_ThenVisitBookedOnNoSlotAndCheckedIn()
    {
        var visit = Guid.CreateVersion7();
        var events = WalkInDecider.Decide(visit, ProviderSpec.Build(Created), PatientSchedule.Create(Registered), Patient, FollowUp,
            new WalkIn(PatientId, ProviderId, "follow-up", DemographicsConfirmed: true, InsuranceConfirmed: true), Now);

        events.Should().BeEquivalentTo(new object[]
        {
            new AppointmentBooked(visit, PatientId, ProviderId, Guid.Empty, "north", Now, Now.AddMinutes(20), "follow-up", Now, BookingChannels.WalkIn, []),
            new PatientCheckedIn(visit, PatientId, ProviderId, "north", Now, true, "W123", null, WalkIn: true),
        }, o => o.RespectingRuntimeTypes().WithStrictOrdering());
    }

    [Fact]
    public void GivenPatientBookedAtThisTime_WhenWalkIn_ThenConflictNamesTheirAppointment()
    {
        var schedule = PatientSchedule.Create(Registered).Apply(new PatientAppointmentHeld(PatientId, AppointmentId, ProviderId, Now.AddMinutes(-5), Now.AddMinutes(15)));
        var act = () => WalkInDecider.Decide(Guid.CreateVersion7(), ProviderSpec.Build(Created), schedule, Patient, FollowUp,
            new WalkIn(PatientId, ProviderId, "follow-up", DemographicsConfirmed: true, InsuranceConfirmed: true), Now);

        act.Should().Throw<ConflictException>().Which.ConflictingId.Should().Be(AppointmentId);
    }

    [Fact]
    public void GivenPatient_WhenWalkInWithoutConfirmingInsurance_ThenInsuranceConfirmedRejected() =>
        new DecisionOutcome(() => WalkInDecider.Decide(Guid.CreateVersion7(), ProviderSpec.Build(Created), PatientSchedule.Create(Registered), Patient, FollowUp,
            new WalkIn(PatientId, ProviderId, "follow-up", DemographicsConfirmed: true), Now)).ThenRejects("insuranceConfirmed");
}
