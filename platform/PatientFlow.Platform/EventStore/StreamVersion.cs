using System.Globalization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Optimistic concurrency over HTTP: a resource backed by one event stream answers with
/// <c>ETag: "&lt;stream version&gt;"</c>; a command sent with <c>If-Match: "&lt;version&gt;"</c> is
/// decided only if the stream is still at that version (412 otherwise). A race lost between the
/// fetch and the save is a 409 from Marten's own version check.
/// </summary>
public static class StreamVersion
{
    public const string IfMatchHeader = "If-Match";

    /// <summary>The version named by <c>If-Match</c>; null when absent or <c>*</c>. Malformed values are a 400 naming the header.</summary>
    public static long? ExpectedVersion(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim('"');
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new BadHttpRequestException(
                $"{IfMatchHeader} must be one entity tag of the form \"<version>\", as sent in the ETag header.");
        }

        return version;
    }

    /// <summary>Sets <c>ETag</c> to the stream version.</summary>
    public static void SetETag(HttpContext context, long version) =>
        context.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Fetches the stream for a decision (<see cref="IEventStoreOperations.FetchForWriting{T}(Guid, CancellationToken)"/>, or
    /// <c>FetchForExclusiveWriting</c> for an aggregate marked <see cref="FetchWithLockAttribute"/>), then checks
    /// <paramref name="expected"/> (412 when stale). The fetched version is checked again at save, even when the decision
    /// appends nothing: that decision was made on this version too.
    /// </summary>
    public static async Task<IEventStream<T>> FetchForDecidingAsync<T>(
        this IDocumentSession session, Guid streamId, long? expected, CancellationToken ct) where T : class
    {
        var stream = FetchWithLockAttribute.Applies<T>()
            ? await session.Events.FetchForExclusiveWriting<T>(streamId, ct)
            : await session.Events.FetchForWriting<T>(streamId, ct);
        if (expected is { } version && stream.Aggregate is not null && stream.CurrentVersion != version)
        {
            throw new PreconditionFailedException(version, stream.CurrentVersion ?? 0);
        }

        stream.AlwaysEnforceConsistency = stream.Aggregate is not null;
        return stream;
    }

    /// <summary>
    /// Loads a stream's read model and sets <c>ETag</c> to the stream's version. The version is read
    /// first, so a write landing in between makes the tag older than the body, never newer: a client
    /// sending it back gets a 412 rather than deciding on a state it has not seen.
    /// </summary>
    public static async Task<TDocument?> LoadWithETagAsync<TDocument>(
        this IQuerySession session, Guid streamId, HttpContext context, CancellationToken ct) where TDocument : class
    {
        var state = await session.Events.FetchStreamStateAsync(streamId, ct);
        var document = await session.LoadAsync<TDocument>(streamId, ct);
        if (state is not null && document is not null)
        {
            SetETag(context, state.Version);
        }

        return document;
    }

    /// <summary>
    /// A stream's read model as it is now (with its version as ETag), or with <c>?asOf=</c> as it was known
    /// at that instant, folded from the stream's events up to it (no ETag: a past version is not one to
    /// send back). Null when the stream is unknown, or was at that instant.
    /// </summary>
    public static async Task<TDocument?> LoadNowOrAsOfAsync<TDocument>(
        this IQuerySession session, Guid streamId, string? asOf, HttpContext context, CancellationToken ct) where TDocument : class =>
        Time.AsOf.Parse(asOf) is { } instant
            ? await session.Events.AggregateStreamAsync<TDocument>(streamId, timestamp: instant, token: ct)
            : await session.LoadWithETagAsync<TDocument>(streamId, context, ct);

    /// <summary>Sets <c>ETag</c> to the version a stream reached with this request's appends.</summary>
    public static void SetETag<T>(HttpContext context, IEventStream<T> stream) where T : class
    {
        if (stream.CurrentVersion is { } version)
        {
            SetETag(context, version);
        }
    }
}
