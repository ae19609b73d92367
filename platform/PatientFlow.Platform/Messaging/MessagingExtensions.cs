using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientFlow.Contracts;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Health;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Messaging;

public static class MessagingExtensions
{
    private const int VisitPartitions = 32;

    /// <summary>
    /// MassTransit on RabbitMQ: one quorum queue named after the service, bound as
    /// <see cref="PlatformTopology"/> says, with the consumers found in <paramref name="consumersIn"/> (every concrete
    /// <see cref="IConsumer{TMessage}"/> of an integration event there, and <paramref name="more"/>); with retries; the whole platform topology is deployed
    /// before the relay publishes. A message that still fails goes to the error queue, is counted and
    /// shows on /health/ready. A broker that does not answer makes the instance unready, while
    /// commands keep succeeding (events wait in the store and the relay catches up).
    /// </summary>
    public static IHostApplicationBuilder AddPatientFlowMessaging(
        this IHostApplicationBuilder builder, string service, Assembly consumersIn, params Type[] more)
    {
        Type[] consumers = [.. ConsumersIn(consumersIn), .. more];
        EnsureSubscribed(service, consumers);
        var address = builder.Configuration.GetConnectionString(RabbitMqEndpoint.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{RabbitMqEndpoint.ConnectionName} is not configured.");
        var broker = new RabbitMqEndpoint(new Uri(address));

        builder.Services.AddSingleton(broker);
        builder.Services.TryAddSingleton(ServiceIdentity.From(builder.Configuration, service));
        builder.Services.AddSingleton<TopologyReadiness>();
        builder.Services.AddHostedService<TopologyDeployer>();
        // Whether the broker answers is a matter of real seconds, whatever the clinic clock reads (PatientFlow:Clock
        // may run a simulated day at many times real speed).
        builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<BrokerMonitor>(provider, TimeProvider.System));
        builder.Services.AddHostedService(provider => provider.GetRequiredService<BrokerMonitor>());
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<FailedMessages>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "messaging", provider => new MessagingHealthCheck(provider.GetRequiredService<BrokerMonitor>(), TimeProvider.System), null, [HealthTags.Ready]));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.Tags.Add(HealthTags.Ready);
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
            });
            foreach (var consumer in consumers)
            {
                bus.AddConsumer(consumer);
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                broker.Configure(rabbit);
                if (consumers.Length == 0)
                {
                    return;
                }

                rabbit.ReceiveEndpoint(PlatformTopology.QueueFor(service), endpoint =>
                {
                    QueueConfiguration.Apply(endpoint, service);
                    // One visit's events are handled one at a time and in arrival order (the relay
                    // stamps the visit id as the correlation id), so a burst of them, such as a
                    // backlog after a restart, does not race on the visit's stream; other visits
                    // still run in parallel. Retries run inside the partition.
                    endpoint.UsePartitioner<ConsumeContext>(VisitPartitions, context => context.CorrelationId ?? Guid.Empty);
                    // An infrastructure outage (PostgreSQL restarting) is waited out for about two minutes
                    // rather than parking every message that arrives meanwhile in the error queue...
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Handle<Exception>(TransientFaults.IsTransient);
                        retry.Exponential(12, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
                    });
                    // ...while a failure of the message itself gets five quick retries, then the error queue.
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Ignore<Exception>(TransientFaults.IsTransient);
                        retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                    });
                    // The error pipe runs once per message that failed every retry: count it, then
                    // MassTransit's own steps (publish the Fault, move it to the error queue).
                    endpoint.ConfigureError(error =>
                    {
                        error.UseFilter(new FailureCountingFilter(
                            context.GetRequiredService<MessagingMetrics>(),
                            context.GetRequiredService<ILoggerFactory>().CreateLogger("PatientFlow.Messaging.Failures"),
                            PlatformTopology.ErrorQueueFor(service)));
                        error.UseFilter(new MassTransit.Middleware.GenerateFaultFilter());
                        error.UseFilter(new MassTransit.Middleware.ErrorTransportFilter());
                    });
                    endpoint.ConfigureConsumers(context);
                });
            });
        });
        return builder;
    }

    /// <summary>The consumers a service declares: every concrete, non-generic consumer of an integration event in its assembly.</summary>
    public static IReadOnlyList<Type> ConsumersIn(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && EventsConsumedBy(type).Any())
            .OrderBy(type => type.FullName, StringComparer.Ordinal),
    ];

    /// <summary>The integration events <paramref name="consumer"/> handles.</summary>
    public static IEnumerable<Type> EventsConsumedBy(Type consumer) => consumer.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(i => i.GetGenericArguments()[0])
        .Where(type => typeof(IIntegrationEvent).IsAssignableFrom(type));

    /// <summary>
    /// The service's consumers and its queue's bindings in <see cref="PlatformTopology"/> must match both ways: an event
    /// consumed but not bound would never arrive, and one bound but not consumed would fill the queue with messages nobody
    /// handles. Either stops the service at start, naming the event.
    /// </summary>
    private static void EnsureSubscribed(string service, Type[] consumers)
    {
        if (!PlatformTopology.Subscriptions.TryGetValue(service, out var subscribed))
        {
            throw new InvalidOperationException($"Service '{service}' is missing from PlatformTopology.Subscriptions.");
        }

        var consumed = consumers.SelectMany(EventsConsumedBy).Distinct().ToList();
        var missing = consumed.Except(subscribed).Select(type => type.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"Service '{service}' consumes {string.Join(", ", missing)} but PlatformTopology does not bind them to its queue.");
        }

        var unhandled = subscribed.Except(consumed).Select(type => type.Name).ToArray();
        if (unhandled.Length > 0)
        {
            throw new InvalidOperationException(
                $"PlatformTopology binds {string.Join(", ", unhandled)} to the queue of '{service}', which has no consumer for them.");
        }
    }
}
