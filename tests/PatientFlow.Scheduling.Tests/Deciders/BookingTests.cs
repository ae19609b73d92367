using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Scheduling.Tests.Deciders.ScheduleSpec;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class BookingTests
{
    private static readonly Guid NewAppointment = Guid.CreateVersion7();

    [Fact]
    public void GivenFreeSlot_WhenBookAppointment_ThenSlotBookedAndAppointmentBookedForTheVisit()
    {
        var provider = GivenProvider();

        var (slot, booked) = BookAppointmentDecider.Decide(provider, new BookAppointment(PatientId, ProviderId, First.SlotId, " follow-up "), NewAppointment, Now);

        slot.Should().Be(new SlotBooked(ProviderId, First.SlotId, NewAppointment, Now));
        booked.Should().Be(new AppointmentBooked(NewAppointment, PatientId, ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up", Now));
    }

    [Fact]
    public void GivenSlotAlreadyBooked_WhenBookAppointment_ThenConflict()
    {
        var provider = GivenProvider(new SlotBooked(ProviderId, First.SlotId, AppointmentId, Now.AddMinutes(-5)));

        var act = () => BookAppointmentDecider.Decide(provider, new BookAppointment(PatientId, ProviderId, First.SlotId, "follow-up"), NewAppointment, Now);

        act.Should().Throw<ConflictException>().WithMessage($"*{First.SlotId}*already booked*");
    }

    [Fact]
    public void GivenOtherSlotBooked_WhenBookAppointment_ThenThisSlotIsBooked()
    {
        var provider = GivenProvider(new SlotBooked(ProviderId, First.SlotId, AppointmentId, Now.AddMinutes(-5)));

        var (slot, _) = BookAppointmentDecider.Decide(provider, new BookAppointment(PatientId, ProviderId, Second.SlotId, "follow-up"), NewAppointment, Now);

        slot.SlotId.Should().Be(Second.SlotId);
    }

    [Fact]
    public void GivenProvider_WhenBookUnknownSlot_ThenNotFound()
    {
        var act = () => BookAppointmentDecider.Decide(GivenProvider(), new BookAppointment(PatientId, ProviderId, Guid.CreateVersion7(), "follow-up"), NewAppointment, Now);

        act.Should().Throw<NotFoundException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void GivenFreeSlot_WhenBookWithoutVisitType_ThenVisitTypeRejected(string visitType)
    {
        var act = () => BookAppointmentDecider.Decide(GivenProvider(), new BookAppointment(PatientId, ProviderId, First.SlotId, visitType), NewAppointment, Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("visitType");
    }
}
