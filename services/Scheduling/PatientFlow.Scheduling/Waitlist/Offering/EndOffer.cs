using Microsoft.Extensions.Options;

namespace PatientFlow.Scheduling.Waitlist.Offering;

/// <summary>An open offer ends: the patient declined it, or its time ran out (the sweeper).</summary>
public static class EndOfferDecider
{
    /// <summary>POST /waitlist/{id}/declination: the slot goes to the next patient waiting.</summary>
    public static Task<Ok<WaitlistEntryDetails>> HandleDecline(
        Guid entryId, WaitlistCommands commands, IDocumentSession session, IOptions<SchedulingOptions> options, CancellationToken ct) =>
        commands.DecideAsync(entryId, (entry, now) => DecideAsync(session, entry, expired: false, options.Value.WaitlistOfferWindow, now, ct));

    /// <summary>
    /// The entry's open offer ends (declined, or expired when <paramref name="expired"/>); its slot is passed on through
    /// <paramref name="session"/> in the same commit. Returns the entry's event.
    /// </summary>
    public static async Task<IReadOnlyList<object>> DecideAsync(
        IDocumentSession session, WaitlistEntryDetails entry, bool expired, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        var offer = expired
            ? entry.Offer is { } open && open.Until <= now ? open : throw new ConflictException($"waitlist entry {entry.EntryId} has no expired offer")
            : entry.LiveOffer(now);
        await WaitlistOffers.PassOnAsync(session, offer, entry.EntryId, window, now, ct);
        return
        [
            expired
                ? new WaitlistOfferExpired(entry.EntryId, entry.PatientId, offer.SlotId, now)
                : new WaitlistOfferDeclined(entry.EntryId, entry.PatientId, offer.SlotId, now),
        ];
    }
}
