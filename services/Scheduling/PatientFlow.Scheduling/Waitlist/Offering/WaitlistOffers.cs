using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Waitlist.Offering;

/// <summary>Offers a slot that just came free to the waitlist, in the same session (and commit) that freed it.</summary>
public static class WaitlistOffers
{
    /// <param name="hold">Appends the hold to the provider's stream (already fetched for writing by the caller).</param>
    public static async Task<WaitlistOfferMade?> OfferAsync(
        IDocumentSession session, Provider provider, Guid slotId, Action<SlotOffered> hold, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = await session.Query<WaitlistEntryDetails>()
            .Where(e => e.Status == WaitlistStatus.Waiting && (e.ProviderId == provider.Id || e.ProviderId == null))
            .OrderBy(e => e.WaitlistedAt).Take(200).ToListAsync(ct);
        if (OfferFreedSlotDecider.Decide(provider, slotId, waiting, window, now) is not var (offer, slotHold))
        {
            return null;
        }

        var entry = await session.Events.FetchForWriting<WaitlistEntryDetails>(offer.EntryId, ct);
        entry.AppendOne(offer);
        hold(slotHold);
        return offer;
    }

    /// <summary>The first slot <paramref name="freed"/> held (its provider locked in <paramref name="locks"/>) goes to the waitlist.</summary>
    public static async Task OfferFreedSlotAsync(
        IDocumentSession session, ScheduleLocks locks, Appointment freed, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        if (freed.SlotIds is [var slotId, ..])
        {
            var provider = locks.Provider(freed.ProviderId);
            await OfferAsync(session, provider, slotId, hold => locks.Append(freed.ProviderId, hold, (p, e) => p.Apply(e)), window, now, ct);
        }
    }

    /// <summary>The slot <paramref name="offer"/> held is released on its provider's stream and offered to the next patient waiting.</summary>
    public static async Task PassOnAsync(IDocumentSession session, WaitlistOffer offer, Guid entryId, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        var provider = await session.Events.FetchForExclusiveWriting<Provider>(offer.ProviderId, ct);
        var ended = new SlotOfferEnded(offer.ProviderId, offer.SlotId, entryId, now);
        provider.AppendOne(ended);
        var state = provider.Aggregate!.Apply(ended);
        await OfferAsync(session, state, offer.SlotId, provider.AppendOne, window, now, ct);
    }
}
