using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The command path every stream-backed command shares: fetch (honouring If-Match) → decide → append → save → ETag.
/// FetchForWriting checks the stream version at save, so of two racing commands on one stream only one commits;
/// the other gets 409. A decision that appends nothing was still made on this version, and the save checks it too.
/// Route handlers reach it through <see cref="StreamCommands{TState, TView}"/>; these are its steps, for callers
/// outside a request (sweepers, gRPC, consumers).
/// </summary>
public static class StreamCommands
{
    /// <summary>Decides on an existing stream's state alone.</summary>
    public static async Task<(T State, IReadOnlyList<object> Events)> DecideAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext? http, Func<T, IReadOnlyList<object>> decide, Func<Exception> notFound,
        CancellationToken ct) where T : class
    {
        var (state, events) = await session.DecideAsync<T>(streamId, http, state => Task.FromResult(decide(state!)), notFound, ct);
        return (state!, events);
    }

    /// <summary>
    /// Decides on the stream's state: other streams may be written in the same commit (fetched and appended through
    /// <paramref name="session"/> while deciding), and the decision may wait for another service's answer. A stream that
    /// does not exist yet is decided on as <c>null</c> when <paramref name="notFound"/> is null (its first events start it).
    /// </summary>
    /// <returns>The state the decision was made on and the events it appended.</returns>
    public static async Task<(T? State, IReadOnlyList<object> Events)> DecideAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext? http, Func<T?, Task<IReadOnlyList<object>>> decide, Func<Exception>? notFound,
        CancellationToken ct) where T : class
    {
        var stream = http is null ? await session.Events.FetchForWriting<T>(streamId, ct) : await session.FetchForWritingAsync<T>(streamId, http, ct);
        var state = stream.Aggregate ?? (notFound is null ? null : throw notFound());
        var events = await decide(state);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        if (http is not null)
        {
            StreamVersion.SetETag(http, stream);
        }

        return (state, events);
    }

    /// <summary>A new stream: the decision's events are its first, and their number is its version (the ETag).</summary>
    public static async Task StartAsync<T>(this IDocumentSession session, Guid streamId, HttpContext? http, IReadOnlyList<object> events, CancellationToken ct)
        where T : class
    {
        session.Events.StartStream<T>(streamId, events);
        await session.SaveChangesAsync(ct);
        if (http is not null)
        {
            StreamVersion.SetETag(http, events.Count);
        }
    }

    // Decisions that hold other streams' row locks queue on them, so each is decided on the latest state. Should a
    // lock wait time out or deadlock anyway, the decision is made again, on a fresh session, within this time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts a stream whose decision locks other streams (<c>FetchForExclusiveWriting</c>) and appends to them in the same
    /// commit: each attempt has a fresh session, and a lost lock race (deadlock, lock timeout, version clash) is decided again
    /// for up to 10 s.
    /// </summary>
    /// <returns>The first events of the new stream.</returns>
    public static async Task<IReadOnlyList<object>> StartLockingAsync<T>(
        this IDocumentStore store, Guid streamId, Func<IDocumentSession, Task<IReadOnlyList<object>>> decide, ILogger logger, CancellationToken ct)
        where T : class
    {
        var patience = Stopwatch.StartNew();
        for (var round = 1; ; round++)
        {
            try
            {
                await using var session = store.LightweightSession();
                var events = await decide(session);
                await session.StartAsync<T>(streamId, null, events, ct);
                return events;
            }
            catch (Exception race) when (IsLockRace(race) && patience.Elapsed < Patience)
            {
                logger.LogDebug("Stream {StreamId} lost a lock race (attempt {Attempt}); deciding again", streamId, round);
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(round, 10)), ct);
            }
        }
    }

    private static bool IsLockRace(Exception exception) => exception is JasperFx.ConcurrencyException
        || exception.InnerException is Npgsql.PostgresException { SqlState: "40P01" or "55P03" or "40001" }
        || exception is Npgsql.PostgresException { SqlState: "40P01" or "55P03" or "40001" };
}
