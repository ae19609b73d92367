using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The command path every stream-backed command shares: fetch (honouring If-Match) → decide → append → save → ETag.
/// The fetched version is checked at save, so of two racing commands on one stream only one commits; the other gets
/// 409. Route handlers reach it through <see cref="StreamCommands{TState, TView}"/>; these are its steps, for callers
/// outside a request (sweepers, gRPC, consumers) and for commands that decide on several streams in one commit.
/// </summary>
public static class StreamCommands
{
    /// <summary>
    /// Fetch → decide → append, without saving: for a decision that is one of several in a commit (a batch's claims, a
    /// consumer's account and claim). The decision may write other streams through <paramref name="session"/> and wait for
    /// another service. A stream that does not exist yet is decided on as <c>null</c> when <paramref name="notFound"/> is null
    /// (its first events start it).
    /// </summary>
    public static async Task<(T? State, IReadOnlyList<object> Events)> AppendAsync<T>(
        this IDocumentSession session, Guid streamId, Func<T?, Task<IReadOnlyList<object>>> decide, Func<Exception>? notFound, CancellationToken ct,
        long? expectedVersion = null) where T : class
    {
        var (stream, state, events) = await AppendCoreAsync(session, streamId, decide, notFound, expectedVersion, ct);
        return (state, events);
    }

    /// <summary>The whole path: fetch (If-Match from <paramref name="http"/>, when in a request) → decide → append → save → ETag.</summary>
    /// <returns>The state the decision was made on and the events it appended.</returns>
    public static async Task<(T? State, IReadOnlyList<object> Events)> DecideAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext? http, Func<T?, Task<IReadOnlyList<object>>> decide, Func<Exception>? notFound,
        CancellationToken ct) where T : class
    {
        var expected = http is null ? null : StreamVersion.ExpectedVersion(http);
        var (stream, state, events) = await AppendCoreAsync(session, streamId, decide, notFound, expected, ct);
        await session.SaveChangesAsync(ct);
        if (http is not null)
        {
            StreamVersion.SetETag(http, stream);
        }

        return (state, events);
    }

    /// <summary>Decides on an existing stream's state alone.</summary>
    public static async Task<(T State, IReadOnlyList<object> Events)> DecideAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext? http, Func<T, IReadOnlyList<object>> decide, Func<Exception> notFound,
        CancellationToken ct) where T : class
    {
        var (state, events) = await session.DecideAsync<T>(streamId, http, state => Task.FromResult(decide(state!)), notFound, ct);
        return (state!, events);
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

    private static async Task<(IEventStream<T> Stream, T? State, IReadOnlyList<object> Events)> AppendCoreAsync<T>(
        IDocumentSession session, Guid streamId, Func<T?, Task<IReadOnlyList<object>>> decide, Func<Exception>? notFound, long? expected,
        CancellationToken ct) where T : class
    {
        if (streamId == Guid.Empty)
        {
            // No stream has the all-zero id and none may start with it (the event store refuses it): it names nothing, like
            // any unknown id, whether it came in the path or the body.
            throw notFound?.Invoke() ?? new NotFoundException($"the all-zero id names no {typeof(T).Name}");
        }

        var stream = await session.FetchForDecidingAsync<T>(streamId, expected, ct);
        var state = stream.Aggregate ?? (notFound is null ? null : throw notFound());
        var events = await decide(state);
        if (state is null && expected is { } version && events.Count > 0)
        {
            // If-Match names a version of something that does not exist yet: it is not started on that condition.
            throw new PreconditionFailedException(version, 0);
        }

        stream.AppendMany(events);
        return (stream, state, events);
    }

    private static bool IsLockRace(Exception exception) => exception is JasperFx.ConcurrencyException
        || exception.InnerException is Npgsql.PostgresException { SqlState: "40P01" or "55P03" or "40001" }
        || exception is Npgsql.PostgresException { SqlState: "40P01" or "55P03" or "40001" };
}
