using JasperFx.Events;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Integration;
using PatientFlow.Scheduling.Patients;
using V1 = PatientFlow.Contracts.Scheduling.V1;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class RelayMappingTests
{
    private static readonly DateTimeOffset Recorded = Now.AddMinutes(7);
    private readonly SchedulingEventRelay _relay = new();

    private static Event<T> Committed<T>(T data, Guid streamId) where T : notnull =>
        new(data) { Id = Guid.CreateVersion7(), StreamId = streamId, Timestamp = Recorded };

    [Fact]
    public void GivenAppointmentBooked_WhenRelayed_ThenContractCarriesTheVisitSlotAndClinic()
    {
        var committed = Committed(Booked, AppointmentId);

        _relay.Map(committed).Should().Be(new V1.AppointmentBooked(
            committed.Id, AppointmentId, PatientId, Booked.BookedAt, Recorded,
            ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up", "front-desk"));
    }

    [Fact]
    public void GivenPatientCheckedIn_WhenRelayed_ThenOccurredAtIsTheArrival()
    {
        var committed = Committed(Arrived(Now.AddMinutes(-12)), AppointmentId);

        _relay.Map(committed).Should().Be(new V1.PatientCheckedIn(
            committed.Id, AppointmentId, PatientId, Now.AddMinutes(-12), Recorded, ProviderId, "north", false, "W123"));
    }

    [Fact]
    public void GivenPatientCheckedOut_WhenRelayed_ThenOccurredAtIsTheDeparture()
    {
        var committed = Committed(Departed(Now.AddMinutes(-2)), AppointmentId);

        _relay.Map(committed).Should().Be(new V1.PatientCheckedOut(committed.Id, AppointmentId, PatientId, Now.AddMinutes(-2), Recorded));
    }

    [Fact]
    public void GivenProviderAndSlotEvents_WhenRelayed_ThenTheyStayInside()
    {
        _relay.Map(Committed(Created, ProviderId)).Should().BeNull();
        _relay.Map(Committed(Opened, ProviderId)).Should().BeNull();
        _relay.Map(Committed(Taken(First, AppointmentId), ProviderId)).Should().BeNull();
        _relay.Map(Committed(new PatientAppointmentHeld(PatientId, AppointmentId, ProviderId, First.StartsAt, First.EndsAt), PatientId)).Should().BeNull();
    }

    [Fact]
    public void GivenPatientRegistered_WhenRelayed_ThenOnlyIdsAndTheMrnLeaveScheduling()
    {
        var committed = Committed(Registered, PatientId);

        _relay.Map(committed).Should().Be(new V1.PatientRegistered(committed.Id, PatientId, Registered.RegisteredAt, Recorded, "MRN-1"));
    }

    [Fact]
    public void GivenPatientCorrected_WhenRelayed_ThenTheContractNamesTheFieldsNotTheValues()
    {
        var committed = Committed(new PatientDetailsCorrected(PatientId, [new FieldChange("phone", "1", "2")], "new number", Now), PatientId);

        _relay.Map(committed).Should().BeEquivalentTo(new V1.PatientDetailsCorrected(committed.Id, PatientId, Now, Recorded, ["phone"]));
    }

    [Fact]
    public void GivenLifecycleEvents_WhenRelayed_ThenEachHasItsContractForTheVisit()
    {
        _relay.Map(Committed(new AppointmentCancelled(AppointmentId, PatientId, ProviderId, "called", Now), AppointmentId))
            .Should().BeOfType<V1.AppointmentCancelled>().Which.Reason.Should().Be("called");
        _relay.Map(Committed(new NoShowRecorded(AppointmentId, PatientId, ProviderId, First.StartsAt, Now), AppointmentId))
            .Should().BeOfType<V1.NoShowRecorded>().Which.StartsAt.Should().Be(First.StartsAt);
        _relay.Map(Committed(new LateArrivalFlagged(AppointmentId, PatientId, First.StartsAt, First.StartsAt.AddMinutes(15), 15), AppointmentId))
            .Should().BeOfType<V1.LateArrivalFlagged>().Which.MinutesLate.Should().Be(15);
        _relay.Map(Committed(new ReminderDue(AppointmentId, PatientId, First.StartsAt, 120, First.StartsAt.AddHours(-2)), AppointmentId))
            .Should().BeOfType<V1.ReminderDue>().Which.Should().Match<V1.ReminderDue>(r => r.OffsetMinutes == 120 && r.OccurredAt == First.StartsAt.AddHours(-2));
        _relay.Map(Committed(new Waitlist.WaitlistOfferMade(Guid.Empty, PatientId, ProviderId, First.SlotId, First.StartsAt, Now.AddHours(1), Now), Guid.Empty))
            .Should().BeOfType<V1.WaitlistOfferMade>().Which.Until.Should().Be(Now.AddHours(1));
    }

    [Fact]
    public void GivenArrivalTimeCorrected_WhenRelayed_ThenOccurredAtIsTheCorrectedArrivalAndThePreviousIsKept()
    {
        var committed = Committed(new ArrivalTimeCorrected(AppointmentId, PatientId, Now.AddMinutes(-5), Now.AddMinutes(-25), "entered late", Now), AppointmentId);

        _relay.Map(committed).Should().Be(new V1.ArrivalTimeCorrected(
            committed.Id, AppointmentId, PatientId, Now.AddMinutes(-25), Recorded, Now.AddMinutes(-5), "entered late"));
    }
}
