using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PatientFlow.Platform.EventStore;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PatientFlow.Platform.Messaging;

/// <summary>A message parked in the error or dead-letter queue, described by ids and the failure only (never its content).</summary>
public sealed record FailedMessage(
    string? MessageId, string? CorrelationId, string? MessageType, string? ExceptionType, string? Reason, string? FailedAt, long? Deliveries);

/// <summary>What a replay moved.</summary>
public sealed record ReplayResult(string Queue, int Replayed, int Left);

/// <summary>
/// Looks at and replays the messages parked in this service's error queue (failed after every retry)
/// or dead-letter queue (redelivered past the delivery limit). A replay republishes each message to the
/// service queue with a broker confirm and only then removes it from where it was parked, so a crash in
/// the middle duplicates at worst, and consumers deduplicate by event id.
/// </summary>
public sealed class FailedMessages(RabbitMqEndpoint broker, ServiceIdentity identity, MessagingMetrics metrics, ILogger<FailedMessages> logger)
{
    // Headers MassTransit or RabbitMQ add when parking a message; a replayed message starts clean.
    private static readonly string[] ParkingHeaders = ["MT-Fault-", "MT-Reason", "MT-Host-", "x-death", "x-first-death", "x-last-death", "x-delivery-count"];

    public string QueueFor(ParkedIn parkedIn) => parkedIn == ParkedIn.DeadLetter
        ? PlatformTopology.DeadLetterQueueFor(identity.Service)
        : PlatformTopology.ErrorQueueFor(identity.Service);

    /// <summary>Up to <paramref name="limit"/> parked messages, oldest first; they stay where they are.</summary>
    public async Task<IReadOnlyList<FailedMessage>> ListAsync(ParkedIn parkedIn, int limit, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var queue = QueueFor(parkedIn);
        var found = new List<FailedMessage>();
        var available = await CountAsync(connection, queue, ct);
        for (var i = 0; i < Math.Min(available, limit); i++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false, ct) is not { } message)
            {
                break;
            }

            found.Add(Describe(message));
        }

        // Closing the channel without acknowledging hands every message back to the queue.
        await channel.CloseAsync(ct);
        return found;
    }

    /// <summary>
    /// Moves the parked messages (all, or those with the given message ids) back to the service queue.
    /// Only the messages present when the replay starts are looked at, so one that fails again is not looped on.
    /// </summary>
    public async Task<ReplayResult> ReplayAsync(ParkedIn parkedIn, IReadOnlySet<string>? messageIds, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var source = await connection.CreateChannelAsync(cancellationToken: ct);
        await using var target = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var queue = QueueFor(parkedIn);
        var serviceQueue = PlatformTopology.QueueFor(identity.Service);
        var available = await CountAsync(connection, queue, ct);
        var replayed = 0;
        for (var i = 0; i < available; i++)
        {
            if (await source.BasicGetAsync(queue, autoAck: false, ct) is not { } message)
            {
                break;
            }

            if (messageIds is not null && !messageIds.Contains(message.BasicProperties.MessageId ?? ""))
            {
                continue; // left unacknowledged: back in the queue when the channel closes
            }

            var properties = new BasicProperties(message.BasicProperties) { Headers = CleanHeaders(message.BasicProperties.Headers) };
            // Confirm tracking makes the publish return only once the broker has the message safely.
            await target.BasicPublishAsync("", serviceQueue, mandatory: true, properties, message.Body, ct);
            await source.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            replayed++;
            logger.LogInformation("Replayed message {MessageId} from {Queue} to {ServiceQueue}", message.BasicProperties.MessageId, queue, serviceQueue);
        }

        await source.CloseAsync(ct);
        metrics.Replayed(replayed);
        return new ReplayResult(queue, replayed, (int)await CountAsync(connection, queue, ct));
    }

    private static FailedMessage Describe(BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        return new FailedMessage(
            message.BasicProperties.MessageId,
            message.BasicProperties.CorrelationId,
            MessageTypeOf(message.Body),
            Text(headers, "MT-Fault-ExceptionType"),
            Text(headers, "MT-Reason") ?? (headers.ContainsKey("x-death") ? "delivery-limit" : null),
            Text(headers, "MT-Fault-Timestamp"),
            headers.TryGetValue("x-delivery-count", out var count) && count is long deliveries ? deliveries : null);
    }

    /// <summary>The contract name from MassTransit's envelope (<c>urn:message:Namespace:Type</c>).</summary>
    private static string? MessageTypeOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()?.Replace("urn:message:", "", StringComparison.Ordinal)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value) ? value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => null,
        _ => value.ToString(),
    } : null;

    private static Dictionary<string, object?> CleanHeaders(IDictionary<string, object?>? headers) =>
        (headers ?? new Dictionary<string, object?>())
            .Where(header => !ParkingHeaders.Any(prefix => header.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(header => header.Key, header => header.Value);

    private async Task<IConnection> ConnectAsync(CancellationToken ct) => await new ConnectionFactory
    {
        Uri = broker.Address,
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        ContinuationTimeout = TimeSpan.FromSeconds(10),
        ClientProvidedName = $"{identity.Instance}-operations",
    }.CreateConnectionAsync(ct);

    private static async Task<uint> CountAsync(IConnection connection, string queue, CancellationToken ct)
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
}

/// <summary>Where a failed message is parked.</summary>
public enum ParkedIn
{
    /// <summary>Failed after every retry (MassTransit's <c>_error</c> queue).</summary>
    Error,

    /// <summary>Redelivered past the delivery limit (the quorum queue's dead-letter queue).</summary>
    DeadLetter,
}
