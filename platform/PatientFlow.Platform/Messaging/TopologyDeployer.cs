using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// Declares every service's queue and bindings (the whole <see cref="PlatformTopology"/>) without
/// consuming from them, then opens <see cref="TopologyReadiness"/>. Runs in the background and
/// retries while the broker is away, so the service itself starts and takes commands regardless.
/// </summary>
public sealed class TopologyDeployer(
    RabbitMqEndpoint broker, TopologyReadiness readiness, ILogger<TopologyDeployer> logger) : BackgroundService
{
    private static readonly TimeSpan DeployLimit = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeployAsync(stoppingToken);
                readiness.MarkDeployed();
                logger.LogInformation("Platform topology deployed ({QueueCount} queues)", PlatformTopology.Subscriptions.Count);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                if (exception.ToString().Contains("inequivalent arg", StringComparison.Ordinal))
                {
                    // A queue declared by an older PatientFlow (before the dead-letter exchange) cannot be
                    // changed in place; RabbitMQ refuses the new arguments until it is deleted.
                    logger.LogError(
                        "A queue exists with other arguments than PatientFlow declares (an older version's queue). Drain and delete it, " +
                        "or start locally with ./run.sh --fresh; retrying in {Delay}", delay);
                }

                logger.LogWarning(exception, "Topology deploy failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task DeployAsync(CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(configurator =>
        {
            broker.Configure(configurator);
            // Declare only. These endpoints have no consumers: were they to consume, they would
            // move every message waiting in another service's queue to its _skipped queue.
            configurator.DeployTopologyOnly = true;
            foreach (var service in PlatformTopology.Subscriptions.Keys)
            {
                configurator.ReceiveEndpoint(PlatformTopology.QueueFor(service), endpoint => QueueConfiguration.Apply(endpoint, service));
                configurator.ReceiveEndpoint(PlatformTopology.DeadLetterQueueFor(service), QueueConfiguration.ApplyDeadLetter);
            }
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DeployLimit);
        // The limit is also enforced from outside: a deploy stuck in a connection attempt that does not watch
        // its token must become a logged failure and a retry, never a deployer waiting forever (the relay
        // publishes nothing until the topology is deployed).
        await bus.DeployAsync(timeout.Token).WaitAsync(DeployLimit + TimeSpan.FromSeconds(5), cancellationToken);
    }
}
