using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using PatientFlow.Contracts;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Observability;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// Handles each integration event once. The handled id is inserted in the same Marten
/// transaction as the handler's effects: a redelivery finds it and does nothing, and two
/// concurrent deliveries cannot both commit (the second insert conflicts and is retried, then skipped).
/// </summary>
public abstract class IdempotentConsumer<TEvent>(IDocumentStore store, ILogger logger) : IConsumer<TEvent>
    where TEvent : class, IIntegrationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<HandledIntegrationEvent>(message.EventId, context.CancellationToken) is not null)
        {
            logger.LogDebug("Skipping {EventType} {EventId}: already handled", typeof(TEvent).Name, message.EventId);
            return;
        }

        if (context.Headers.Get<string>(CorrelationHeader.Name) is { Length: > 0 } correlation)
        {
            session.CorrelationId = correlation;
        }

        session.CausationId = message.EventId.ToString();
        // The consumer's appends carry the user of the event that caused them (EventUserName falls back to the service).
        if (context.Headers.Get<string>(EventUserName.MessageHeader) is { Length: > 0 } user)
        {
            session.LastModifiedBy = user;
        }

        await HandleAsync(message, session, context.CancellationToken);
        session.Insert(new HandledIntegrationEvent(message.EventId, typeof(TEvent).Name, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Apply the event's effects to the session; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(TEvent message, IDocumentSession session, CancellationToken cancellationToken);
}
