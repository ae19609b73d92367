using System.Text;
using System.Text.Json;
using PatientFlow.Platform.Messaging;
using PatientFlow.Platform.Operations;
using RabbitMQ.Client;

namespace PatientFlow.Reliability.Tests.InProcess;

/// <summary>
/// A quorum queue without a dead-letter exchange drops a message once it has been delivered too often.
/// Ours dead-letter it instead, and an operator can replay it from there. Scheduling's queue has no
/// consumer, so this test can play a consumer that crashes on the message every time.
/// </summary>
public sealed class DeadLetterTests(SchedulingService scheduling) : IClassFixture<SchedulingService>
{
    [Fact]
    [Trait("Category", "Faults")]
    public async Task Redeliver_PastTheDeliveryLimit_DeadLetteredNotDroppedAndReplayable()
    {
        var messageId = Guid.CreateVersion7().ToString();
        var factory = new ConnectionFactory { Uri = new Uri(scheduling.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var body = Encoding.UTF8.GetBytes("""{"messageType":["urn:message:PatientFlow.Contracts.Scheduling.V1:PatientCheckedIn"],"message":{}}""");
        await channel.BasicPublishAsync("", "scheduling", mandatory: true,
            new BasicProperties { MessageId = messageId, Persistent = true, ContentType = "application/vnd.masstransit+json" }, body);

        var deliveries = 0;
        while (await channel.BasicGetAsync("scheduling", autoAck: false) is { } delivery)
        {
            deliveries++;
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
            deliveries.Should().BeLessThan(100, "the queue must stop handing the message out");
        }

        deliveries.Should().BeGreaterThan(1);
        var messaging = await Eventually.Until(async () =>
        {
            var view = (await OperatorViews.MessagingAsync(scheduling)).ReadAs<MessagingStatus>();
            return view.DeadLetter.Count > 0 ? view : null;
        }, TimeSpan.FromSeconds(30), "the message in scheduling_dead-letter");
        var parked = messaging.DeadLetter.Should().ContainSingle().Subject;
        parked.MessageId.Should().Be(messageId);
        parked.Reason.Should().Be("delivery-limit");

        using var ops = scheduling.CreateClient(Roles.Ops);
        var replay = await ops.PostAsJsonAsync("/api/scheduling/operations/messaging/replay", new { queue = "dead-letter", messageIds = new[] { messageId } });
        replay.EnsureSuccessStatusCode();
        (await replay.ReadAsAsync<ReplayResult>()).Replayed.Should().Be(1);

        var back = await channel.BasicGetAsync("scheduling", autoAck: true);
        back.Should().NotBeNull("the replay puts the message back in the service queue");
        back!.BasicProperties.MessageId.Should().Be(messageId);
        back.BasicProperties.Headers?.Keys.Should().NotContain(key => key.StartsWith("x-death", StringComparison.Ordinal));
        Encoding.UTF8.GetString(back.Body.Span).Should().Be(Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Replay_UnknownQueue_422NamingQueue()
    {
        using var ops = scheduling.CreateClient(Roles.Ops);
        var response = await ops.PostAsJsonAsync("/api/scheduling/operations/messaging/replay", new { queue = "elsewhere" });
        ((int)response.StatusCode).Should().Be(422);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("queue", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Operations_WithoutOpsRole_403()
    {
        using var frontDesk = scheduling.CreateClient(Roles.FrontDesk);
        ((int)(await frontDesk.GetAsync("/api/scheduling/operations/messaging")).StatusCode).Should().Be(403);
    }
}
