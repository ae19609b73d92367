using System.Reflection;
using MassTransit;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// Declares a service queue the same way wherever it is declared (its owner or a topology deploy):
/// quorum queue, bound to the exchange of every event the service subscribes to, dead-lettering
/// at least once to the service's dead-letter queue after <see cref="PlatformTopology.DeliveryLimit"/>
/// deliveries (a quorum queue without a dead-letter exchange would drop such a message).
/// </summary>
internal static class QueueConfiguration
{
    private static readonly MethodInfo BindGeneric = typeof(IRabbitMqReceiveEndpointConfigurator)
        .GetMethods()
        .Single(method => method is { Name: nameof(IRabbitMqReceiveEndpointConfigurator.Bind), IsGenericMethodDefinition: true });

    public static void Apply(IRabbitMqReceiveEndpointConfigurator endpoint, string service)
    {
        endpoint.SetQuorumQueue();
        endpoint.SetQueueArgument("x-delivery-limit", PlatformTopology.DeliveryLimit);
        endpoint.SetQueueArgument("x-dead-letter-exchange", PlatformTopology.DeadLetterQueueFor(service));
        // At-least-once dead-lettering (RabbitMQ 3.10+) keeps the message until the dead-letter queue
        // confirmed it; RabbitMQ requires reject-publish overflow for it.
        endpoint.SetQueueArgument("x-dead-letter-strategy", "at-least-once");
        endpoint.SetQueueArgument("x-overflow", "reject-publish");
        endpoint.ConfigureConsumeTopology = false;
        foreach (var messageType in PlatformTopology.Subscriptions[service])
        {
            BindGeneric.MakeGenericMethod(messageType).Invoke(endpoint, [null]);
        }
    }

    /// <summary>The dead-letter queue: a quorum queue behind a fanout exchange of the same name.</summary>
    public static void ApplyDeadLetter(IRabbitMqReceiveEndpointConfigurator endpoint)
    {
        endpoint.SetQuorumQueue();
        endpoint.ConfigureConsumeTopology = false;
    }
}
