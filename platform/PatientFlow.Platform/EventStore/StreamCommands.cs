using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The command path every stream-backed endpoint shares: fetch (honouring If-Match) → decide → append → save → ETag.
/// FetchForWriting checks the stream version at save, so of two racing commands on one stream only one commits;
/// the other gets 409. A decision that appends nothing was still made on this version, and the save checks it too.
/// </summary>
public static class StreamCommands
{
    /// <returns>The state the decision was made on and the events it appended.</returns>
    public static Task<(T State, IReadOnlyList<object> Events)> DecideAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext http, Func<T, IReadOnlyList<object>> decide, Func<Exception> notFound,
        CancellationToken ct) where T : class =>
        session.DecideAsync<T>(streamId, http, state => Task.FromResult(decide(state)), notFound, ct);

    /// <summary>
    /// The same path for a decision that needs more than its stream: other streams written in the same commit (fetched
    /// and appended through <paramref name="session"/> while deciding), or another service's answer.
    /// </summary>
    public static async Task<(T State, IReadOnlyList<object> Events)> DecideAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext http, Func<T, Task<IReadOnlyList<object>>> decide, Func<Exception> notFound,
        CancellationToken ct) where T : class
    {
        var stream = await session.FetchForWritingAsync<T>(streamId, http, ct);
        var state = stream.Aggregate ?? throw notFound();
        var events = await decide(state);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        return (state, events);
    }

    /// <summary>A new stream: the decision's events are its first, and their number is its version (the ETag).</summary>
    public static async Task StartAsync<T>(this IDocumentSession session, Guid streamId, HttpContext http, IReadOnlyList<object> events, CancellationToken ct)
        where T : class
    {
        session.Events.StartStream<T>(streamId, events);
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, events.Count);
    }
}

/// <summary>
/// The one command path of a service's aggregate, as a route handler asks for it: the decision is told who is signed in
/// (the token's subject) and when (the service clock), runs on <see cref="StreamCommands"/>' fetch → decide → append →
/// save → ETag, and the answer is the aggregate's read model after the commit (<typeparamref name="TView"/>, an inline
/// projection keyed by the stream id).
/// </summary>
public sealed class StreamCommands<TState, TView>(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock, ILogger<TState> logger)
    where TState : class, IStreamState
    where TView : class
{
    public Task<Ok<TView>> DecideAsync(Guid streamId, Func<TState, DateTimeOffset, IReadOnlyList<object>> decide) =>
        DecideAsync(streamId, (state, _, now) => Task.FromResult(decide(state, now)));

    /// <summary>For a decision that also writes other streams through the session, or waits for another service.</summary>
    public Task<Ok<TView>> DecideAsync(Guid streamId, Func<TState, DateTimeOffset, Task<IReadOnlyList<object>>> decide) =>
        DecideAsync(streamId, (state, _, now) => decide(state, now));

    /// <summary>A decision that records who made it.</summary>
    public Task<Ok<TView>> DecideAsync(Guid streamId, Func<TState, string, DateTimeOffset, IReadOnlyList<object>> decide) =>
        DecideAsync(streamId, (state, who, now) => Task.FromResult(decide(state, who, now)));

    public async Task<Ok<TView>> DecideAsync(Guid streamId, Func<TState, string, DateTimeOffset, Task<IReadOnlyList<object>>> decide)
    {
        var context = Context;
        var (_, events) = await session.DecideAsync<TState>(
            streamId, context, state => decide(state, Who, clock.GetUtcNow()), () => TState.NotFound(streamId), context.RequestAborted);
        Log(streamId, events);
        return TypedResults.Ok(await ViewAsync(streamId));
    }

    /// <summary>Starts the stream with the decision's events (its version, the ETag, is their number) and answers 201 at <paramref name="location"/>.</summary>
    public async Task<Created<TView>> StartAsync(Guid streamId, string location, IReadOnlyList<object> events)
    {
        await session.StartAsync<TState>(streamId, Context, events, Context.RequestAborted);
        Log(streamId, events);
        return TypedResults.Created(location, await ViewAsync(streamId));
    }

    /// <summary>The signed-in user (token subject).</summary>
    public string Who => Context.User.Identity?.Name ?? "unknown";

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The read model of the stream as committed; 404 when the stream does not exist.</summary>
    public async Task<TView> ViewAsync(Guid streamId) =>
        await session.LoadAsync<TView>(streamId, Context.RequestAborted) ?? throw TState.NotFound(streamId);

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("a stream command runs inside an HTTP request");

    private void Log(Guid streamId, IReadOnlyList<object> events) =>
        logger.LogInformation("{Aggregate} {StreamId}: appended {EventTypes}", typeof(TState).Name, streamId, events.Select(e => e.GetType().Name));
}
