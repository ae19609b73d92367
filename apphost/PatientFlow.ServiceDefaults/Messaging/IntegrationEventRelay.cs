using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using PatientFlow.Contracts;
using Microsoft.Extensions.Logging;

namespace PatientFlow.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox: this Marten subscription publishes committed events, in
/// sequence order, as integration events. Each publish waits for the broker's confirm; the
/// daemon records progress only after the whole page returned, so an event is never skipped.
/// While the broker is away the page is retried with backoff, and commands keep succeeding.
/// Delivery is therefore at least once; consumers deduplicate on the event id.
/// </summary>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

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
}
