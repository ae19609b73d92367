using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.Sweeping;

/// <summary>
/// What happens because time passes (deadlines missed, escalations due), looked for at an interval by every
/// instance. Each change is an append checked against the stream version, so when two instances find the same
/// due stream one commits and the other finds nothing left to do.
/// </summary>
public abstract class PeriodicSweeper(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Decides and appends what is due at <paramref name="now"/>; returns how many changes were made.</summary>
    protected abstract Task<int> SweepDueAsync(DateTimeOffset now, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var changed = await SweepDueAsync(clock.GetUtcNow(), stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("Sweep made {Count} changes", changed);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Sweep failed; trying again at the next tick");
            }
        }
    }

    /// <summary>Fetch for writing, decide, append, save; a concurrent change wins and the next sweep decides again.</summary>
    protected static async Task<IReadOnlyList<object>> DecideAsync<T>(
        IDocumentStore store, Guid streamId, Func<T, IReadOnlyList<object>> decide, CancellationToken ct) where T : class
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<T>(streamId, ct);
        var events = stream.Aggregate is { } state ? decide(state) : [];
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
            return [];
        }
    }
}
