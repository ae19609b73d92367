using Microsoft.Extensions.Options;
using PatientFlow.Scheduling.Waitlist.Offering;

namespace PatientFlow.Scheduling.Waitlist.Withdrawing;

public sealed record WithdrawFromWaitlist(string? Reason = null);

public static class WithdrawFromWaitlistDecider
{
    /// <summary>POST /waitlist/{id}/withdrawal: the patient stops waiting; a slot held for them goes to the next patient in the same commit.</summary>
    public static Task<Ok<WaitlistEntryDetails>> Handle(
        Guid entryId, WithdrawFromWaitlist command, WaitlistCommands commands, IDocumentSession session, IOptions<SchedulingOptions> options,
        CancellationToken ct) =>
        commands.DecideAsync(entryId, async (entry, now) =>
        {
            var withdrawn = Decide(entry, command, now);
            if (entry.Offer is { } offer)
            {
                await WaitlistOffers.PassOnAsync(session, offer, entryId, options.Value.WaitlistOfferWindow, now, ct);
            }

            return [withdrawn];
        });

    /// <summary>A reason is required; an entry already booked or withdrawn cannot be withdrawn.</summary>
    public static WaitlistEntryWithdrawn Decide(WaitlistEntryDetails entry, WithdrawFromWaitlist command, DateTimeOffset now)
    {
        var reason = TextField.Required("reason", command.Reason, 200);
        if (entry.Status is WaitlistStatus.Booked or WaitlistStatus.Withdrawn)
        {
            throw new ConflictException($"waitlist entry {entry.EntryId} is {entry.Status.ToString().ToLowerInvariant()}");
        }

        return new WaitlistEntryWithdrawn(entry.EntryId, entry.PatientId, reason, now);
    }
}
