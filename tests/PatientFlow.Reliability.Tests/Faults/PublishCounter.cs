using RabbitMQ.Client;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>
/// A quorum queue of the test's own, bound to contract exchanges, that counts what the relays actually
/// published: how many messages and how many distinct message ids (the integration event ids).
/// </summary>
public sealed class PublishCounter(IConnection connection, string queue) : IAsyncDisposable
{
    public static async Task<PublishCounter> StartAsync(string amqp, params Type[] contracts)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"fault-probe-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        foreach (var contract in contracts)
        {
            // MassTransit's exchange for a message type: Namespace:TypeName, fanout, durable.
            var exchange = $"{contract.Namespace}:{contract.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }

        return new PublishCounter(connection, queue);
    }

    /// <summary>Takes everything received so far: (messages, distinct message ids).</summary>
    public async Task<(int Messages, int Distinct)> DrainAsync()
    {
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            ids.Add(message.BasicProperties.MessageId ?? "");
        }

        return (ids.Count, ids.Distinct().Count());
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
