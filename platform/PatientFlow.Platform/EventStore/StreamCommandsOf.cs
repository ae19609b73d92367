using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The one command path of an aggregate, as a route handler asks for it: the decision is told who is signed in (the
/// token's subject) and when (the service clock), runs on <see cref="StreamCommands"/>' fetch → decide → append → save
/// → ETag in the request's session, and the answer is the aggregate's read model after the commit
/// (<typeparamref name="TView"/>, an inline projection keyed by the stream id). A decision that writes other streams
/// in the same commit reaches them through the request's <see cref="IDocumentSession"/>.
/// </summary>
public sealed class StreamCommands<TState, TView>(
    IDocumentSession session, IDocumentStore store, IHttpContextAccessor http, TimeProvider clock, ILogger<TState> logger)
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
        await AppendAsync(streamId, decide);
        return TypedResults.Ok(await ViewAsync(streamId));
    }

    /// <summary>The path without the answer, for a command that answers with something other than the read model.</summary>
    public Task<(TState State, IReadOnlyList<object> Events)> AppendAsync(Guid streamId, Func<TState, DateTimeOffset, IReadOnlyList<object>> decide) =>
        AppendAsync(streamId, (state, _, now) => Task.FromResult(decide(state, now)));

    public Task<(TState State, IReadOnlyList<object> Events)> AppendAsync(Guid streamId, Func<TState, DateTimeOffset, Task<IReadOnlyList<object>>> decide) =>
        AppendAsync(streamId, (state, _, now) => decide(state, now));

    public async Task<(TState State, IReadOnlyList<object> Events)> AppendAsync(
        Guid streamId, Func<TState, string, DateTimeOffset, Task<IReadOnlyList<object>>> decide)
    {
        var (state, events) = await session.DecideAsync<TState>(
            streamId, Context, state => decide(state!, Who, clock.GetUtcNow()), () => TState.NotFound(streamId), Context.RequestAborted);
        Log(streamId, events);
        return (state!, events);
    }

    /// <summary>
    /// A stream that may not exist yet (defined by its name, say): the decision is told <c>null</c> then, and its events
    /// start the stream; of two racing first decisions only one commits (409 for the other).
    /// </summary>
    public async Task<IReadOnlyList<object>> AppendOrStartAsync(Guid streamId, Func<TState?, DateTimeOffset, IReadOnlyList<object>> decide)
    {
        var (_, events) = await session.DecideAsync<TState>(
            streamId, Context, state => Task.FromResult(decide(state, clock.GetUtcNow())), null, Context.RequestAborted);
        Log(streamId, events);
        return events;
    }

    /// <summary>Starts the stream with the decision's events (its version, the ETag, is their number) and answers 201 at <paramref name="location"/>.</summary>
    public async Task<Created<TView>> StartAsync(Guid streamId, string location, IReadOnlyList<object> events)
    {
        await session.StartAsync<TState>(streamId, Context, events, Context.RequestAborted);
        Log(streamId, events);
        return TypedResults.Created(location, await ViewAsync(streamId));
    }

    /// <summary>
    /// Starts the stream with a decision that locks other streams and appends to them in the same commit (a booking):
    /// decided on a fresh session each attempt, again while it loses lock races (see <see cref="StreamCommands.StartLockingAsync{T}"/>).
    /// </summary>
    public async Task<Created<TView>> StartLockingAsync(
        Guid streamId, string location, Func<IDocumentSession, string, DateTimeOffset, Task<IReadOnlyList<object>>> decide)
    {
        var events = await store.StartLockingAsync<TState>(streamId, attempt => decide(attempt, Who, clock.GetUtcNow()), logger, Context.RequestAborted);
        StreamVersion.SetETag(Context, events.Count);
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
