using Marten;
using Npgsql;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>Reading and keeping the <see cref="FeedCursor"/> of one of tracking's own feed readers.</summary>
public static class FeedCursors
{
    /// <summary>The reader's cursor; the first time, a new one at <paramref name="start"/>, kept at once.</summary>
    public static async Task<FeedCursor> LoadOrStartAsync(IDocumentStore store, string id, FeedStart start, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<FeedCursor>(id, ct) is { } cursor)
        {
            return cursor;
        }

        var position = start == FeedStart.Beginning ? 0 : await EndOfLogAsync(store, ct);
        var created = new FeedCursor(id, position, clock.GetUtcNow());
        // Kept before anything is read: "the end" read again after a restart would skip what was logged in between.
        session.Store(created);
        await session.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Queues the cursor at <paramref name="position"/> in <paramref name="session"/>: it is kept with whatever else the session saves.</summary>
    public static void Store(IDocumentSession session, string id, long position, TimeProvider clock) =>
        session.Store(new FeedCursor(id, position, clock.GetUtcNow()));

    public static async Task SaveAsync(IDocumentStore store, string id, long position, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        Store(session, id, position, clock);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The highest position logged: the event sequence's own value may be ahead of every event (a fresh store's is 1).</summary>
    private static async Task<long> EndOfLogAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L);
    }
}
