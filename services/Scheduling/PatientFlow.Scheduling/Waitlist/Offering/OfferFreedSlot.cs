using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Waitlist.Offering;

public static class OfferFreedSlotDecider
{
    /// <summary>
    /// The first patient waiting (longest first) whom a slot that just came free suits: same provider, or
    /// the provider's specialty and clinic; inside their time window; a slot they have not turned down.
    /// The slot is held for them for <paramref name="window"/>, never beyond its start. Null when the slot is
    /// not wholly free, already started, or nobody waits for it.
    /// </summary>
    public static (WaitlistOfferMade Offer, SlotOffered Hold)? Decide(
        Provider provider, Guid slotId, IEnumerable<WaitlistEntryDetails> waiting, TimeSpan window, DateTimeOffset now)
    {
        if (!provider.Slots.TryGetValue(slotId, out var slot) || !provider.IsFree(slot, now) || slot.StartsAt <= now)
        {
            return null;
        }

        var entry = waiting
            .Where(e => e.Status == WaitlistStatus.Waiting && !e.PassedSlots.Contains(slotId))
            .Where(e => e.ProviderId == provider.Id
                || (e.ProviderId is null && (e.Specialty is null || e.Specialty == provider.Specialty) && (e.Clinic is null || e.Clinic == provider.Clinic)))
            .Where(e => (e.EarliestStart is null || slot.StartsAt >= e.EarliestStart) && (e.LatestStart is null || slot.StartsAt <= e.LatestStart))
            .OrderBy(e => e.WaitlistedAt).ThenBy(e => e.EntryId)
            .FirstOrDefault();
        if (entry is null)
        {
            return null;
        }

        var until = now + window < slot.StartsAt ? now + window : slot.StartsAt;
        return (new WaitlistOfferMade(entry.EntryId, entry.PatientId, provider.Id, slotId, slot.StartsAt, until, now),
            new SlotOffered(provider.Id, slotId, entry.EntryId, until));
    }
}
