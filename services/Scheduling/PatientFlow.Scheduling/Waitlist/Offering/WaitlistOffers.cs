using Marten;
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
}
