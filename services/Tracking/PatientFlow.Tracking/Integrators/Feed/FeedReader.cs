using Marten;
using Npgsql;
using NpgsqlTypes;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// Reads the feed from tracking's event log, in position order, one page at a time. The caller never reads past a
/// position the daemon has declared complete (<see cref="FeedHub.SafePosition"/>), so a page never skips an event
/// whose transaction had not yet committed.
/// </summary>
public sealed class FeedReader(IDocumentStore store)
{
    /// <summary>Marten's name for the step in its events table.</summary>
    public const string StepType = "journey_step_recorded";

    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(1);

    private readonly string _table = $"{store.Options.Events.DatabaseSchemaName}.mt_events";

    /// <summary>A page of matching events after <paramref name="after"/> up to <paramref name="upTo"/>, and how far it looked.</summary>
    public async Task<FeedPage> ReadAsync(FeedQuery query, long after, long upTo, int max, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
            select seq_id, data, timestamp from {_table}
            where seq_id > @after and seq_id <= @upto and type = '{StepType}'
              and (cardinality(@types) = 0 or data ->> 'eventType' = any(@types))
              and (cardinality(@clinics) = 0 or data ->> 'clinic' = any(@clinics))
              and (@since::timestamptz is null or timestamp >= @since)
            order by seq_id
            limit @max
            """, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upto", upTo);
        command.Parameters.AddWithValue("types", query.ShortTypes);
        command.Parameters.AddWithValue("clinics", query.Clinics.ToArray());
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = (object?)query.Since ?? DBNull.Value });
        command.Parameters.AddWithValue("max", max);

        var serializer = store.Options.Serializer();
        var entries = new List<FeedEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var step = serializer.FromJson<JourneyStepRecorded>(reader, 1);
            entries.Add(new FeedEntry(reader.GetInt64(0), step, reader.GetFieldValue<DateTimeOffset>(2)));
        }

        // A short page looked at everything up to upTo; a full one only up to its last event.
        return new FeedPage(entries, entries.Count == max ? entries[^1].Position : upTo);
    }

    /// <summary>
    /// The position to start from to see everything logged at or after <paramref name="since"/>. Positions and log
    /// times rise together (give or take concurrent commits), so a binary search finds it in a few dozen index probes;
    /// it starts a minute early and the query's own time filter trims the rest.
    /// </summary>
    public async Task<long> PositionBeforeAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var target = since - ClockSlack;
        long low = 0, high = await MaxPositionAsync(connection, ct);
        while (low < high)
        {
            var middle = low + ((high - low) / 2) + 1;
            var loggedAt = await TimeAtOrAfterAsync(connection, middle, ct);
            if (loggedAt is { } at && at < target)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private async Task<DateTimeOffset?> TimeAtOrAfterAsync(NpgsqlConnection connection, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select timestamp from {_table} where seq_id >= @position order by seq_id limit 1", connection);
        command.Parameters.AddWithValue("position", position);
        return await command.ExecuteScalarAsync(ct) is DateTime time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
    }

    private async Task<long> MaxPositionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {_table}", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }
}

/// <summary>Events read, and the position the next read starts after.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, long ReadUpTo);
