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
            ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up"));
    }

    [Fact]
    public void GivenPatientCheckedIn_WhenRelayed_ThenOccurredAtIsTheArrival()
    {
        var committed = Committed(Arrived(Now.AddMinutes(-12)), AppointmentId);

        _relay.Map(committed).Should().Be(new V1.PatientCheckedIn(
            committed.Id, AppointmentId, PatientId, Now.AddMinutes(-12), Recorded, ProviderId, "north"));
    }

    [Fact]
    public void GivenPatientCheckedOut_WhenRelayed_ThenOccurredAtIsTheDeparture()
    {
        var committed = Committed(Departed(Now.AddMinutes(-2)), AppointmentId);

        _relay.Map(committed).Should().Be(new V1.PatientCheckedOut(committed.Id, AppointmentId, PatientId, Now.AddMinutes(-2), Recorded));
    }

    [Fact]
    public void GivenPatientAndProviderEvents_WhenRelayed_ThenTheyStayInside()
    {
        var registered = new PatientRegistered(PatientId, "MRN-1", "Ada", "Example", new DateOnly(1980, 4, 12), Sex.Female, null, null, Now);

        _relay.Map(Committed(registered, PatientId)).Should().BeNull();
        _relay.Map(Committed(Created, ProviderId)).Should().BeNull();
        _relay.Map(Committed(Opened, ProviderId)).Should().BeNull();
        _relay.Map(Committed(Taken(First, AppointmentId), ProviderId)).Should().BeNull();
    }

    [Fact]
    public void GivenArrivalTimeCorrected_WhenRelayed_ThenOccurredAtIsTheCorrectedArrivalAndThePreviousIsKept()
    {
        var committed = Committed(new ArrivalTimeCorrected(AppointmentId, PatientId, Now.AddMinutes(-5), Now.AddMinutes(-25), "entered late", Now), AppointmentId);

        _relay.Map(committed).Should().Be(new V1.ArrivalTimeCorrected(
            committed.Id, AppointmentId, PatientId, Now.AddMinutes(-25), Recorded, Now.AddMinutes(-5), "entered late"));
    }
}
