using Marten;
using Microsoft.Extensions.Options;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Appointments.NoShows;
using PatientFlow.Scheduling.Appointments.Reminders;
using PatientFlow.Scheduling.Waitlist;

namespace PatientFlow.Scheduling.Appointments.Sweeping;

/// <summary>
/// What happens because time passes: no-shows after the grace period, reminders at their offsets, waitlist
/// offers that ran out. Every instance sweeps; each change is an append checked against the stream version,
/// so when two instances sweep the same appointment one commits and the other finds nothing left to do.
/// </summary>
public sealed class AppointmentSweeper(IDocumentStore store, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<AppointmentSweeper> logger)
    : BackgroundService
{
    private const int Batch = 500;

    public sealed record SweepResult(int NoShows, int Reminders, int ExpiredOffers);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var swept = await SweepAsync(clock.GetUtcNow(), stoppingToken);
                if (swept != new SweepResult(0, 0, 0))
                {
                    logger.LogInformation("Swept {NoShows} no-shows, {Reminders} reminders, {Offers} expired offers", swept.NoShows, swept.Reminders, swept.ExpiredOffers);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Appointment sweep failed; trying again at the next tick");
            }
        }
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
            var appended = await DecideAsync(appointmentId, appointment =>
                NoShowDecider.Decide(appointment, rules.NoShowGrace, now) is { } noShow ? [noShow] : [.. ReminderDecider.Decide(appointment, rules.ReminderOffsets, now)], ct);
            noShows += appended.OfType<NoShowRecorded>().Count();
            reminders += appended.OfType<ReminderDue>().Count();
        }

        return new SweepResult(noShows, reminders, await ExpireOffersAsync(now, ct));
    }

    private async Task<IReadOnlyList<object>> DecideAsync(Guid appointmentId, Func<Appointment, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Appointment>(appointmentId, ct);
        var events = stream.Aggregate is { } appointment ? decide(appointment) : [];
        if (events.Count == 0)
        {
            return [];
        }

        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(ct);
            return events;
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Someone else (a clerk, another instance) changed the appointment first; the next sweep decides again.
            return [];
        }
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
                await WaitlistEndpoints.EndOfferAsync(entryId, session, now, options.Value, expired: true, ct);
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
