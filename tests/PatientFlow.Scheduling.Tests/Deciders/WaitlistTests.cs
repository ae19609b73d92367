using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Waitlist;
using PatientFlow.Scheduling.Waitlist.Joining;
using PatientFlow.Scheduling.Waitlist.Offering;
using PatientFlow.Testing;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class WaitlistTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(2);

    private static WaitlistEntryDetails Waiting(Guid? providerId = null, string? specialty = null, int waitedDays = 1, DateTimeOffset? latest = null) =>
        WaitlistEntryDetails.Create(new PatientWaitlisted(
            Guid.CreateVersion7(), Guid.CreateVersion7(), providerId, specialty, null, "follow-up", null, latest, Now.AddDays(-waitedDays)));

    private static (WaitlistOfferMade Offer, SlotOffered Hold)? Offer(Provider provider, params WaitlistEntryDetails[] waiting) =>
        OfferFreedSlotDecider.Decide(provider, First.SlotId, waiting, Window, Now);

    private static readonly Provider Free = ProviderSpec.Build(Created, Opened);

    [Fact]
    public void GivenTwoPatientsWaitingForTheProvider_WhenTheirSlotComesFree_ThenTheOneWaitingLongestIsOfferedItForTheWindow()
    {
        var longest = Waiting(ProviderId, waitedDays: 5);
        var (offer, hold) = Offer(Free, Waiting(ProviderId, waitedDays: 1), longest)!.Value;

        offer.Should().Be(new WaitlistOfferMade(longest.EntryId, longest.PatientId, ProviderId, First.SlotId, First.StartsAt, Now.AddMinutes(60), Now));
        hold.Should().Be(new SlotOffered(ProviderId, First.SlotId, longest.EntryId, Now.AddMinutes(60)));
    }

    [Fact]
    public void GivenSlotStartingInAnHour_WhenOffered_ThenTheHoldEndsAtTheStartNotAfterTheTwoHourWindow() =>
        Offer(Free, Waiting(ProviderId))!.Value.Offer.Until.Should().Be(First.StartsAt);

    [Fact]
    public void GivenPatientWaitingForAnyFamilyMedicineProvider_WhenSuchASlotComesFree_ThenOffered() =>
        Offer(Free, Waiting(specialty: "family-medicine")).Should().NotBeNull();

    [Fact]
    public void GivenPatientsWaitingForOtherProvidersOrSpecialties_WhenTheSlotComesFree_ThenNobodyIsOffered() =>
        Offer(Free, Waiting(OtherProviderId), Waiting(specialty: "cardiology")).Should().BeNull();

    [Fact]
    public void GivenPatientWaitingOnlyForSlotsBeforeTen_WhenAnElevenOClockSlotComesFree_ThenNotOffered() =>
        Offer(Free, Waiting(ProviderId, latest: Now.AddMinutes(30))).Should().BeNull();

    [Fact]
    public void GivenPatientWhoDeclinedThisSlot_WhenItIsOfferedAgain_ThenTheNextPatientGetsIt()
    {
        var declined = Waiting(ProviderId, waitedDays: 9).Apply(new WaitlistOfferDeclined(Guid.Empty, Guid.Empty, First.SlotId, Now));
        var next = Waiting(ProviderId, waitedDays: 2);

        Offer(Free, declined, next)!.Value.Offer.EntryId.Should().Be(next.EntryId);
    }

    [Fact]
    public void GivenSlotStillBookedByAnother_WhenOffered_ThenNothing() =>
        Offer(ProviderSpec.Build(Created, Opened, Taken(First, AppointmentId)), Waiting(ProviderId)).Should().BeNull();

    [Fact]
    public void GivenOfferThatRanOut_WhenAccepted_ThenConflict()
    {
        var entry = Waiting(ProviderId).Apply(new WaitlistOfferMade(Guid.Empty, Guid.Empty, ProviderId, First.SlotId, First.StartsAt, Now.AddMinutes(-1), Now.AddHours(-2)));

        new DecisionOutcome(() => [entry.LiveOffer(Now)]).ThenConflicts();
    }

    [Fact]
    public void GivenNothing_WhenJoiningWithoutProviderSpecialtyOrClinic_ThenProviderIdRejected() =>
        new DecisionOutcome(() => [JoinWaitlistDecider.Decide(Guid.CreateVersion7(), new JoinWaitlist(PatientId, "follow-up"), "follow-up", Now)])
            .ThenRejects("providerId");

    [Fact]
    public void GivenNothing_WhenJoiningWithAWindowThatAlreadyEnded_ThenLatestStartRejected() =>
        new DecisionOutcome(() => [JoinWaitlistDecider.Decide(Guid.CreateVersion7(), new JoinWaitlist(PatientId, "follow-up", ProviderId, LatestStart: Now.AddHours(-1)), "follow-up", Now)])
            .ThenRejects("latestStart");
}
