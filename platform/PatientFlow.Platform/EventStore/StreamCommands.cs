using Marten;
using Microsoft.AspNetCore.Http;

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
