using System.Reflection;
using MassTransit;

namespace PatientFlow.ServiceDefaults.Messaging;

/// <summary>
/// Declares a service queue the same way wherever it is declared (its owner or a topology deploy):
/// quorum queue, bound to the exchange of every event the service subscribes to.
/// </summary>
internal static class QueueConfiguration
{
    private static readonly MethodInfo BindGeneric = typeof(IRabbitMqReceiveEndpointConfigurator)
        .GetMethods()
        .Single(method => method is { Name: nameof(IRabbitMqReceiveEndpointConfigurator.Bind), IsGenericMethodDefinition: true });

    public static void Apply(IRabbitMqReceiveEndpointConfigurator endpoint, string service)
    {
        endpoint.SetQuorumQueue();
        endpoint.ConfigureConsumeTopology = false;
        foreach (var messageType in PlatformTopology.Subscriptions[service])
        {
            BindGeneric.MakeGenericMethod(messageType).Invoke(endpoint, [null]);
        }
    }
}
