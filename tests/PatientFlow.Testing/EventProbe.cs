using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace PatientFlow.Testing;

/// <summary>
/// Watches what actually reached the broker: an exclusive queue bound to the exchange MassTransit
/// publishes <typeparamref name="T"/> to, decoding each envelope's message.
/// </summary>
public sealed class EventProbe<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<T> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private IConnection? _connection;
    private IChannel? _channel;

    public IReadOnlyCollection<T> Received => _received.ToArray();

    /// <summary>MassTransit's exchange name for a message type: "Namespace:TypeName".</summary>
    public static string ExchangeName => $"{typeof(T).Namespace}:{typeof(T).Name}";

    internal async Task StartAsync(string amqpUri)
    {
        _connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        await _channel.ExchangeDeclareAsync(ExchangeName, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await _channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await _channel.QueueBindAsync(queue.QueueName, ExchangeName, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            if (envelope.RootElement.GetProperty("message").Deserialize<T>(JsonSerializerOptions.Web) is { } message)
            {
                _received.Enqueue(message);
                _arrived.Release();
            }

            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }

    /// <summary>The first received message that matches, waiting for it up to the timeout.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Eventually.DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await _arrived.WaitAsync(remaining))
            {
                throw new TimeoutException(
                    $"No matching {typeof(T).Name} reached the broker within {limit.TotalSeconds:0} s ({_received.Count} others did).");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
