using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class BookingTests
{
    private static readonly Guid NewVisit = Guid.CreateVersion7();

    private static readonly object[] Clinic = [Created, Opened, Registered, Room, EcgA, EcgB];

    private static AppointmentBooked BookedOn(Slot slot, DateTimeOffset endsAt, string type = "follow-up", Guid[]? slots = null, Guid[]? equipment = null, bool overbooked = false) => new(
        NewVisit, PatientId, ProviderId, slot.SlotId, "north", slot.StartsAt, endsAt, type, Now, "front-desk",
        slots ?? [slot.SlotId], Room.ResourceId, "EXAM-1", equipment ?? [], overbooked);

    [Fact]
    public void GivenFreeSlot_WhenBook_ThenSlotPatientAndRoomAreHeldAndTheVisitBooked() =>
        BookingSpec.Given(Clinic).When(First, NewVisit).Then(
            new SlotBooked(ProviderId, First.SlotId, NewVisit, Now),
            new PatientAppointmentHeld(PatientId, NewVisit, ProviderId, First.StartsAt, First.EndsAt),
            new ResourceReserved(Room.ResourceId, NewVisit, First.StartsAt, First.EndsAt),
            BookedOn(First, First.EndsAt));

    [Fact]
    public void GivenSlotAlreadyBooked_WhenBook_ThenConflictNamesTheProvider() =>
        BookingSpec.Given([.. Clinic, Taken(First, AppointmentId)]).When(First, NewVisit).ThenConflictsOn("provider", ProviderId);

    [Fact]
    public void GivenBookedSlotOfTemplateAllowingOverbooking_WhenBook_ThenOverbookedWithoutReservingTheRoomAgain()
    {
        var roomy = First with { Capacity = 2 };
        BookingSpec.Given(Created, new SlotsOpened(ProviderId, [roomy], Now.AddDays(-2)), Registered, Room, Taken(roomy, AppointmentId))
            .When(roomy, NewVisit).Then(
                new SlotBooked(ProviderId, roomy.SlotId, NewVisit, Now),
                new PatientAppointmentHeld(PatientId, NewVisit, ProviderId, roomy.StartsAt, roomy.EndsAt),
                BookedOn(roomy, roomy.EndsAt, overbooked: true));
    }

    [Fact]
    public void GivenOverbookedSlotAtCapacity_WhenBook_ThenConflictNamesTheProvider()
    {
        var roomy = First with { Capacity = 2 };
        BookingSpec.Given(Created, new SlotsOpened(ProviderId, [roomy], Now.AddDays(-2)), Registered, Taken(roomy, AppointmentId), Taken(roomy, OtherAppointmentId))
            .When(roomy, NewVisit).ThenConflictsOn("provider");
    }

    [Fact]
    public void GivenPatientBookedWithAnotherProviderAtThatTime_WhenBook_ThenConflictNamesThePatientsOtherAppointment() =>
        BookingSpec.Given([.. Clinic, new PatientAppointmentHeld(PatientId, OtherAppointmentId, OtherProviderId, First.StartsAt.AddMinutes(10), First.EndsAt.AddMinutes(10))])
            .When(First, NewVisit).ThenConflictsOn("patient", OtherAppointmentId);

    [Fact]
    public void GivenPatientHeldAnEarlierTimeThatWasReleased_WhenBook_ThenBooked() =>
        BookingSpec.Given([.. Clinic,
                new PatientAppointmentHeld(PatientId, OtherAppointmentId, OtherProviderId, First.StartsAt, First.EndsAt),
                new PatientAppointmentReleased(PatientId, OtherAppointmentId, Now.AddMinutes(-1))])
            .When(First, NewVisit).ThenSingleOfType<AppointmentBooked>();

    [Fact]
    public void GivenRoomReservedByAnotherProvidersAppointment_WhenBook_ThenConflictNamesTheRoom() =>
        BookingSpec.Given([.. Clinic, new ResourceReserved(Room.ResourceId, OtherAppointmentId, First.StartsAt, First.EndsAt)])
            .When(First, NewVisit).ThenConflictsOn("room", Room.ResourceId);

    [Fact]
    public void GivenTypeNeedingAnEcgAndCartAIsTaken_WhenBook_ThenCartBIsReserved() =>
        BookingSpec.Given([.. Clinic, new ResourceReserved(EcgA.ResourceId, OtherAppointmentId, First.StartsAt, First.EndsAt)]).OfType(EcgCheck)
            .When(First, NewVisit).Then(
                new SlotBooked(ProviderId, First.SlotId, NewVisit, Now),
                new PatientAppointmentHeld(PatientId, NewVisit, ProviderId, First.StartsAt, First.EndsAt),
                new ResourceReserved(Room.ResourceId, NewVisit, First.StartsAt, First.EndsAt),
                new ResourceReserved(EcgB.ResourceId, NewVisit, First.StartsAt, First.EndsAt),
                BookedOn(First, First.EndsAt, "ecg-check", equipment: [EcgB.ResourceId]));

    [Fact]
    public void GivenTypeNeedingAnEcgAndBothCartsAreTaken_WhenBook_ThenConflictNamesTheEquipment() =>
        BookingSpec.Given([.. Clinic,
                new ResourceReserved(EcgA.ResourceId, OtherAppointmentId, First.StartsAt, First.EndsAt),
                new ResourceReserved(EcgB.ResourceId, Guid.CreateVersion7(), First.StartsAt.AddMinutes(-10), First.StartsAt.AddMinutes(5))])
            .OfType(EcgCheck).When(First, NewVisit).ThenConflictsOn("equipment");

    [Fact]
    public void GivenFortyMinuteType_WhenBookTheFirstOfTwoFreeSlots_ThenBothSlotsAreBooked() =>
        BookingSpec.Given(Clinic).OfType(Long).When(First, NewVisit).Then(
            new SlotBooked(ProviderId, First.SlotId, NewVisit, Now),
            new SlotBooked(ProviderId, Second.SlotId, NewVisit, Now),
            new PatientAppointmentHeld(PatientId, NewVisit, ProviderId, First.StartsAt, Second.EndsAt),
            new ResourceReserved(Room.ResourceId, NewVisit, First.StartsAt, Second.EndsAt),
            BookedOn(First, Second.EndsAt, "new-patient", [First.SlotId, Second.SlotId]));

    [Fact]
    public void GivenFortyMinuteTypeAndSecondSlotTaken_WhenBookTheFirst_ThenConflictNamesTheProvider() =>
        BookingSpec.Given([.. Clinic, Taken(Second, AppointmentId)]).OfType(Long).When(First, NewVisit).ThenConflictsOn("provider");

    [Fact]
    public void GivenFortyMinuteType_WhenBookTheLastSlotOfTheDay_ThenConflictBecauseNoSlotFollows() =>
        BookingSpec.Given(Clinic).OfType(Long).When(Second, NewVisit).ThenConflictsOn("provider");

    [Fact]
    public void GivenSlotOfferedToAWaitlistedPatient_WhenSomeoneElseBooks_ThenConflictNamesTheOffer()
    {
        var entry = Guid.CreateVersion7();
        BookingSpec.Given([.. Clinic, new SlotOffered(ProviderId, First.SlotId, entry, Now.AddMinutes(30))]).When(First, NewVisit).ThenConflictsOn("waitlist-offer", entry);
    }

    [Fact]
    public void GivenSlotOfferedToAWaitlistedPatient_WhenThatEntryAccepts_ThenBooked()
    {
        var entry = Guid.CreateVersion7();
        BookingSpec.Given([.. Clinic, new SlotOffered(ProviderId, First.SlotId, entry, Now.AddMinutes(30))]).When(First, NewVisit, entry).ThenSingleOfType<AppointmentBooked>();
    }

    [Fact]
    public void GivenOfferThatRanOut_WhenSomeoneElseBooks_ThenBooked() =>
        BookingSpec.Given([.. Clinic, new SlotOffered(ProviderId, First.SlotId, Guid.CreateVersion7(), Now.AddMinutes(-1))]).When(First, NewVisit)
            .ThenSingleOfType<AppointmentBooked>();

    [Fact]
    public void GivenSlotThatAlreadyStarted_WhenBook_ThenConflict()
    {
        var past = new Slot(Guid.CreateVersion7(), Now.AddMinutes(-10), Now.AddMinutes(10));
        BookingSpec.Given(Created, new SlotsOpened(ProviderId, [past], Now.AddDays(-1)), Registered).When(past, NewVisit).ThenConflictsOn("provider");
    }

    [Fact]
    public void GivenProvider_WhenBookUnknownSlot_ThenNotFound() =>
        BookingSpec.Given(Clinic).When(new Slot(Guid.CreateVersion7(), Now.AddHours(3), Now.AddHours(4)), NewVisit).ThenNotFound();

    [Fact]
    public void GivenSlotReleasedByACancellation_WhenBook_ThenBookedAgain() =>
        BookingSpec.Given([.. Clinic, Taken(First, AppointmentId), new SlotReleased(ProviderId, First.SlotId, AppointmentId, Now.AddMinutes(-2))])
            .When(First, NewVisit).ThenSingleOfType<AppointmentBooked>();
}
