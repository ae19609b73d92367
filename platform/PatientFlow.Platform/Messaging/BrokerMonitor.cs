using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientFlow.Platform.EventStore;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PatientFlow.Platform.Messaging;

/// <summary>One probe of the broker: whether it answered in time, and the depth of each of our queues.</summary>
public sealed record BrokerProbe(DateTimeOffset At, DateTimeOffset? LastAnsweredAt, IReadOnlyDictionary<string, long> Depths, string? Problem)
{
    public static readonly BrokerProbe None = new(DateTimeOffset.MinValue, null, new Dictionary<string, long>(), "not probed yet");
}

/// <summary>
/// Asks the broker every few seconds, on its own connection and with a short timeout, how deep this
/// service's queues are. A broker that is down or frozen (its connection stays open but nothing
/// answers) shows up here within seconds, long before a heartbeat would notice; messages in the error
/// or dead-letter queue show up as work for an operator.
/// </summary>
public sealed class BrokerMonitor(RabbitMqEndpoint broker, ServiceIdentity identity, TimeProvider clock, ILogger<BrokerMonitor> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private IConnection? _connection;

    public BrokerProbe Latest { get; private set; } = BrokerProbe.None;

    public IReadOnlyList<string> Queues { get; } =
    [
        PlatformTopology.QueueFor(identity.Service),
        PlatformTopology.ErrorQueueFor(identity.Service),
        PlatformTopology.DeadLetterQueueFor(identity.Service),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ProbeAsync(stoppingToken);
            await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await DropConnectionAsync();
    }

    /// <summary>Probes now and returns the result (operations endpoints use it for a fresh answer).</summary>
    public async Task<BrokerProbe> ProbeAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var now = clock.GetUtcNow();
        try
        {
            var connection = await ConnectAsync(timeout.Token);
            var depths = new Dictionary<string, long>();
            foreach (var queue in Queues)
            {
                depths[queue] = await DepthAsync(connection, queue, timeout.Token);
            }

            return Latest = new BrokerProbe(now, now, depths, null);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            var problem = timeout.IsCancellationRequested ? $"no answer within {Timeout.TotalSeconds:0} s" : exception.GetType().Name;
            if (Latest.Problem is null)
            {
                logger.LogWarning("Broker probe failed: {Problem}", problem);
            }

            await DropConnectionAsync();
            return Latest = Latest with { At = now, Problem = problem };
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is { IsOpen: true })
        {
            return _connection;
        }

        await DropConnectionAsync();
        var factory = new ConnectionFactory
        {
            Uri = broker.Address,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = Timeout,
            ContinuationTimeout = Timeout,
            ClientProvidedName = $"{identity.Instance}-monitor",
        };
        return _connection = await factory.CreateConnectionAsync(ct);
    }

    /// <summary>A queue that does not exist yet (MassTransit creates the error queue on first use) holds nothing.</summary>
    private static async Task<long> DepthAsync(IConnection connection, string queue, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException interrupted) when (interrupted.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Closing the monitor connection failed");
            }
        }
    }
}
