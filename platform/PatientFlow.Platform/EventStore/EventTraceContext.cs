using System.Diagnostics;
using JasperFx.Events;
using Marten;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Keeps, as headers of every appended event, the W3C trace context (<c>traceparent</c>, <c>tracestate</c>) of
/// whatever appended it: a request, a consumed message. The relay publishes the event later, from the daemon;
/// with this it publishes inside that trace. Registered on the store, so every session of every service
/// stamps its events, however it was opened.
/// </summary>
public sealed class EventTraceContext : DocumentSessionListenerBase
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    /// <remarks>
    /// Marten copies a session's own headers onto its events before listeners run, so the events are stamped
    /// one by one here; their headers are written when the batch executes, after this.
    /// </remarks>
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } activity)
        {
            return Task.CompletedTask;
        }

        foreach (var appended in session.PendingChanges.Streams().SelectMany(stream => stream.Events))
        {
            if (appended.GetHeader(TraceParentHeader) is not null)
            {
                continue;
            }

            appended.SetHeader(TraceParentHeader, traceParent);
            if (activity.TraceStateString is { Length: > 0 } traceState)
            {
                appended.SetHeader(TraceStateHeader, traceState);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The trace context <paramref name="committed"/> was appended in; null if none was kept (events older than this).</summary>
    public static ActivityContext? Of(IEvent committed) =>
        // Read back from the database a header is a JsonElement, whose ToString is the string it holds.
        committed.GetHeader(TraceParentHeader)?.ToString() is { } traceParent &&
        ActivityContext.TryParse(traceParent, committed.GetHeader(TraceStateHeader)?.ToString(), isRemote: true, out var context)
            ? context
            : null;
}
