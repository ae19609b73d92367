using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.Events;
using Marten.Subscriptions;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using PatientFlow.Contracts;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Observability;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// The event store is the outbox: this Marten subscription publishes committed events, in
/// sequence order, as integration events. Each publish waits for the broker's confirm; the
/// daemon records progress only after the whole page returned, so an event is never skipped.
/// While the broker is away the page is retried with backoff, and commands keep succeeding.
/// Delivery is therefore at least once; consumers deduplicate on the event id.
/// Each event is published inside the trace it was appended in (<see cref="EventTraceContext"/>), so the
/// publish and every consumer's span follow the request that caused them.
/// </summary>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private static readonly ActivitySource Tracing = new(TelemetryExtensions.PatientFlowSource);

    private readonly IIntegrationEventMapper _mapper;
    private readonly IBus _bus;
    private readonly TopologyReadiness _topology;
    private readonly MessagingMetrics _metrics;
    private readonly ILogger<IntegrationEventRelay> _logger;

    public IntegrationEventRelay(
        IIntegrationEventMapper mapper, IBus bus, TopologyReadiness topology, MessagingMetrics metrics, ILogger<IntegrationEventRelay> logger)
    {
        _metrics = metrics;
        _mapper = mapper;
        _bus = bus;
        _topology = topology;
        _logger = logger;
        Name = "integration-relay";
        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await _topology.WaitAsync(cancellationToken);
        foreach (var committed in page.Events)
        {
            if (_mapper.Map(committed) is { } message)
            {
                await PublishUntilConfirmedAsync(committed, message, cancellationToken);
            }
        }

        return NullChangeListener.Instance;
    }

    private async Task PublishUntilConfirmedAsync(IEvent committed, IIntegrationEvent message, CancellationToken cancellationToken)
    {
        // MassTransit's publish span, and through the message headers each consumer's, become children of this one.
        // An event stored without a trace context (appended before they were kept) is published as before, in the daemon's.
        using var activity = StartPublishActivity(committed, message);
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(AttemptTimeout);
                await _bus.Publish(message, message.GetType(), context =>
                {
                    context.MessageId = committed.Id;
                    if (message is IVisitEvent visitEvent)
                    {
                        context.CorrelationId = visitEvent.VisitId;
                    }

                    if (committed.CorrelationId is { Length: > 0 } correlation)
                    {
                        context.Headers.Set(CorrelationHeader.Name, correlation);
                    }

                    // Who caused the event, for the consumers' own appends (never a name: a token subject).
                    if (committed.UserName is { Length: > 0 } user)
                    {
                        context.Headers.Set(EventUserName.MessageHeader, user);
                    }
                }, timeout.Token);
                _metrics.Published(message.GetType().Name);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                _metrics.PublishRetried();
                _logger.LogWarning(exception,
                    "Publishing event {Sequence} ({EventType}) failed on attempt {Attempt}; retrying in {Backoff}",
                    committed.Sequence, committed.EventTypeName, attempt, backoff);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <remarks>Ids only on the span, as everywhere: never what the event says about the patient.</remarks>
    private static Activity? StartPublishActivity(IEvent committed, IIntegrationEvent message)
    {
        if (EventTraceContext.Of(committed) is not { } appendedIn)
        {
            return null;
        }

        var activity = Tracing.StartActivity($"relay publish {message.GetType().Name}", ActivityKind.Internal, appendedIn);
        activity?.SetTag("messaging.message.id", committed.Id.ToString());
        activity?.SetTag("event.sequence", committed.Sequence);
        activity?.SetTag("event.stream.id", committed.StreamId.ToString());
        if (message is IVisitEvent visitEvent)
        {
            activity?.SetTag("visit.id", visitEvent.VisitId.ToString());
        }

        return activity;
    }
}
