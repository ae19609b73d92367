using Microsoft.Extensions.Options;
using PatientFlow.Platform.Sweeping;

namespace PatientFlow.Referral.Referrals.Deadlines;

/// <summary>Raises overdue events for referrals not scheduled by their deadline and appointments without a report in time.</summary>
public sealed class ReferralSweeper(IDocumentStore store, TimeProvider clock, IOptions<ReferralOptions> options, ILogger<ReferralSweeper> logger)
    : PeriodicSweeper(clock, logger)
{
    private const int Batch = 500;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task<int> SweepDueAsync(DateTimeOffset now, CancellationToken ct) => SweepAsync(now, ct);

    /// <summary>Appends what is due at <paramref name="now"/>; returns how many events were appended.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken ct)
    {
        var reportWithin = options.Value.ReportWithin;
        var seenBefore = now - reportWithin;
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = [.. await query.Query<ReferralDetails>()
                    .Where(r => r.Status == ReferralStatus.Created && r.SchedulingOverdueSince == null && r.ScheduleBy < now)
                    .OrderBy(r => r.ScheduleBy).Select(r => r.ReferralId).Take(Batch).ToListAsync(ct),
                .. await query.Query<ReferralDetails>()
                    .Where(r => r.Status == ReferralStatus.Scheduled && r.ReportOverdueSince == null && r.Appointment!.At < seenBefore)
                    .Select(r => r.ReferralId).Take(Batch).ToListAsync(ct)];
        }

        var appended = 0;
        foreach (var referralId in due)
        {
            var events = await DecideAsync<Referral>(store, referralId, referral => ReferralDeadlineDecider.Decide(referral, reportWithin, now), ct);
            if (events.Count > 0)
            {
                logger.LogInformation("Referral {ReferralId} overdue: {Event}", referralId, events[0].GetType().Name);
            }

            appended += events.Count;
        }

        return appended;
    }
}
