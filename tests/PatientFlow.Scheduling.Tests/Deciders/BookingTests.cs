using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class BookingTests
{
    private static readonly Guid NewVisit = Guid.CreateVersion7();

    private static BookAppointment Book(Slot slot, string visitType = "follow-up") => new(PatientId, ProviderId, slot.SlotId, visitType);

    [Fact]
    public void GivenFreeSlot_WhenBookAppointment_ThenSlotBookedAndAppointmentBookedForTheVisit() =>
        ProviderSpec.Given(Created, Opened).When(Book(First, " follow-up "), NewVisit).Then(
            new SlotBooked(ProviderId, First.SlotId, NewVisit, Now),
            new AppointmentBooked(NewVisit, PatientId, ProviderId, First.SlotId, "north", First.StartsAt, First.EndsAt, "follow-up", Now, "front-desk"));

    [Fact]
    public void GivenSlotAlreadyBooked_WhenBookAppointment_ThenConflictNamingTheSlot()
    {
        var provider = Provider.Create(Created).Apply(Opened).Apply(Taken(First, AppointmentId));

        var act = () => BookAppointmentDecider.Decide(provider, Book(First), NewVisit, Now);

        act.Should().Throw<ConflictException>().WithMessage($"slot {First.SlotId} is already booked");
    }

    [Fact]
    public void GivenOtherSlotBooked_WhenBookAppointment_ThenThisSlotIsBooked() =>
        ProviderSpec.Given(Created, Opened, Taken(First, AppointmentId)).When(Book(Second), NewVisit).Then(
            new SlotBooked(ProviderId, Second.SlotId, NewVisit, Now),
            new AppointmentBooked(NewVisit, PatientId, ProviderId, Second.SlotId, "north", Second.StartsAt, Second.EndsAt, "follow-up", Now, "front-desk"));

    [Fact]
    public void GivenProvider_WhenBookUnknownSlot_ThenNotFound()
    {
        var provider = Provider.Create(Created).Apply(Opened);

        var act = () => BookAppointmentDecider.Decide(provider, new BookAppointment(PatientId, ProviderId, Guid.CreateVersion7(), "follow-up"), NewVisit, Now);

        act.Should().Throw<NotFoundException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void GivenFreeSlot_WhenBookWithoutVisitType_ThenVisitTypeRejected(string visitType) =>
        ProviderSpec.Given(Created, Opened).When(Book(First, visitType), NewVisit).ThenRejects("visitType");
}
