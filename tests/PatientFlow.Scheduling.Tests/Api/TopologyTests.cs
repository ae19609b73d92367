using RabbitMQ.Client;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>
/// RabbitMQ drops a message published to an exchange with no queue bound. Scheduling deploys the
/// whole platform's queues before its relay publishes, so a booking made before any subscriber
/// has ever run still waits for each of them.
/// </summary>
public class TopologyTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task Book_BeforeAnySubscriberEverRan_EventWaitsInEachSubscribersQueue()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        await SchedulingFactory.PostAsync(factory.FrontDesk(), "/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });

        await using var connection = await new ConnectionFactory { Uri = new Uri(factory.RabbitMqConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var subscriber in new[] { "lab", "referral", "billing", "tracking" })
        {
            var waiting = await PatientFlow.Testing.Eventually.Until(async () =>
            {
                var queue = await channel.QueueDeclarePassiveAsync(subscriber);
                return queue.MessageCount >= 1 ? queue : null;
            }, what: $"the booking in queue {subscriber}");
            waiting.MessageCount.Should().Be(1, $"{subscriber} subscribes to AppointmentBooked only once");
        }

        (await channel.QueueDeclarePassiveAsync("intake")).MessageCount.Should().Be(0, "intake does not subscribe to bookings");
    }
}
