using System.Globalization;
using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.ServiceDefaults.EventStore;

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
    /// <see cref="IEventStoreOperations.FetchForWriting{T}(Guid, CancellationToken)"/>, then the
    /// <c>If-Match</c> check (412 when stale). The fetched version is checked again at save.
    /// </summary>
    public static async Task<IEventStream<T>> FetchForWritingAsync<T>(
        this IDocumentSession session, Guid streamId, HttpContext context, CancellationToken ct) where T : class
    {
        var expected = ExpectedVersion(context);
        var stream = await session.Events.FetchForWriting<T>(streamId, ct);
        if (expected is { } version && stream.Aggregate is not null && stream.CurrentVersion != version)
        {
            throw new PreconditionFailedException(version, stream.CurrentVersion ?? 0);
        }

        return stream;
    }
}
