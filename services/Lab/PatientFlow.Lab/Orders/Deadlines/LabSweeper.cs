using Microsoft.Extensions.Options;
using PatientFlow.Platform.Sweeping;

namespace PatientFlow.Lab.Orders.Deadlines;

/// <summary>Escalates critical values not acknowledged in time and flags send-outs past their expected turnaround.</summary>
public sealed class LabSweeper(IDocumentStore store, TimeProvider clock, IOptions<LabOptions> options, ILogger<LabSweeper> logger)
    : PeriodicSweeper(clock, logger)
{
    private const int Batch = 500;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task<int> SweepDueAsync(DateTimeOffset now, CancellationToken ct) => SweepAsync(now, ct);

    /// <summary>Appends what is due at <paramref name="now"/>; returns how many events were appended.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<LabOrderDetails>().Where(o => o.NextDeadline < now)
                .OrderBy(o => o.NextDeadline).Select(o => o.OrderId).Take(Batch).ToListAsync(ct);
        }

        var appended = 0;
        foreach (var orderId in due)
        {
            var events = await DecideAsync<LabOrder>(store, orderId, order => LabDeadlines.Decide(order, now), ct);
            foreach (var escalated in events.OfType<CriticalResultEscalated>())
            {
                logger.LogWarning("Critical result on lab order {OrderId} not acknowledged by {AcknowledgeBy}: escalated", escalated.OrderId, escalated.AcknowledgeBy);
            }

            appended += events.Count;
        }

        return appended;
    }
}
