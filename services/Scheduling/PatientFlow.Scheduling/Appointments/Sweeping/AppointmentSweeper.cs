using Microsoft.Extensions.Options;
using PatientFlow.Platform.Sweeping;
using PatientFlow.Scheduling.Appointments.NoShows;
using PatientFlow.Scheduling.Appointments.Reminders;
using PatientFlow.Scheduling.Waitlist;
using PatientFlow.Scheduling.Waitlist.Offering;

namespace PatientFlow.Scheduling.Appointments.Sweeping;

/// <summary>
/// What happens because time passes: no-shows after the grace period, reminders at their offsets, waitlist
/// offers that ran out; swept by every instance (see <see cref="PeriodicSweeper"/>).
/// </summary>
public sealed class AppointmentSweeper(IDocumentStore store, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<AppointmentSweeper> logger)
    : PeriodicSweeper(clock, logger)
{
    private const int Batch = 500;

    public sealed record SweepResult(int NoShows, int Reminders, int ExpiredOffers);

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<int> SweepDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var swept = await SweepAsync(now, ct);
        if (swept != new SweepResult(0, 0, 0))
        {
            logger.LogInformation("Swept {NoShows} no-shows, {Reminders} reminders, {Offers} expired offers", swept.NoShows, swept.Reminders, swept.ExpiredOffers);
        }

        return swept.NoShows + swept.Reminders + swept.ExpiredOffers;
    }

    public async Task<SweepResult> SweepAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rules = options.Value;
        var horizon = now + rules.ReminderOffsets.DefaultIfEmpty().Max();
        var noShowBefore = now - rules.NoShowGrace;
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = [.. await query.Query<AppointmentDetails>()
                .Where(a => a.Status == AppointmentStatus.Booked && a.StartsAt < noShowBefore)
                .OrderBy(a => a.StartsAt).Select(a => a.AppointmentId).Take(Batch).ToListAsync(ct),
                .. await query.Query<AppointmentDetails>()
                .Where(a => a.Status == AppointmentStatus.Booked && a.StartsAt > now && a.StartsAt <= horizon)
                .OrderBy(a => a.StartsAt).Select(a => a.AppointmentId).Take(Batch).ToListAsync(ct)];
        }

        var (noShows, reminders) = (0, 0);
        foreach (var appointmentId in due)
        {
            var appended = await DecideAsync<Appointment>(store, appointmentId, appointment =>
                NoShowDecider.Decide(appointment, rules.NoShowGrace, now) is { } noShow ? [noShow] : [.. ReminderDecider.Decide(appointment, rules.ReminderOffsets, now)], ct);
            noShows += appended.OfType<NoShowRecorded>().Count();
            reminders += appended.OfType<ReminderDue>().Count();
        }

        return new SweepResult(noShows, reminders, await ExpireOffersAsync(now, ct));
    }

    private async Task<int> ExpireOffersAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> expired;
        await using (var query = store.QuerySession())
        {
            expired = [.. await query.Query<WaitlistEntryDetails>()
                .Where(e => e.Status == WaitlistStatus.Offered && e.Offer!.Until <= now)
                .Select(e => e.EntryId).Take(Batch).ToListAsync(ct)];
        }

        var count = 0;
        foreach (var entryId in expired)
        {
            await using var session = store.LightweightSession();
            try
            {
                await session.DecideAsync<WaitlistEntryDetails>(
                    entryId, null, entry => EndOfferDecider.DecideAsync(session, entry!, expired: true, options.Value.WaitlistOfferWindow, now, ct),
                    () => WaitlistEntryDetails.NotFound(entryId), ct);
                count++;
            }
            catch (Exception lost) when (lost is JasperFx.ConcurrencyException or ServiceDefaults.Problems.ConflictException)
            {
                logger.LogDebug("Offer of waitlist entry {EntryId} was settled meanwhile", entryId);
            }
        }

        return count;
    }
}
