using System.Runtime.CompilerServices;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// The feed as one ordered sequence: catch-up and live are the same loop, reading the log page by page up to the
/// safe position and then waiting for it to move. So the switch from replay to live has no gap and no duplicate,
/// and a slow subscriber only slows its own reads: nothing is buffered for it beyond one page.
/// </summary>
public sealed class FeedLog(FeedReader reader, FeedHub hub)
{
    public const int PageSize = 500;

    /// <summary>Every matching event after <paramref name="after"/>, then each new one as it commits, until cancelled.</summary>
    public async IAsyncEnumerable<FeedEntry> FollowAsync(FeedQuery query, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var safe = hub.SafePosition;
            if (after >= safe)
            {
                await hub.WaitBeyondAsync(after, ct);
                continue;
            }

            var page = await reader.ReadAsync(query, after, safe, PageSize, ct);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            after = page.ReadUpTo;
        }
    }

    /// <summary>Where a subscription starting at <paramref name="since"/> begins, when it gives no position.</summary>
    public Task<long> StartOfAsync(DateTimeOffset since, CancellationToken ct) => reader.PositionBeforeAsync(since, ct);

    /// <summary>One page, for clients that poll: at most <paramref name="max"/> events after <paramref name="after"/>.</summary>
    public Task<FeedPage> PageAsync(FeedQuery query, long after, int max, CancellationToken ct) =>
        reader.ReadAsync(query, after, hub.SafePosition, max, ct);
}
