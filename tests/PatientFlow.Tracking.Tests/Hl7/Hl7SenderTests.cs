using System.Net;
using System.Net.Http.Json;
using Npgsql;
using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Audit;
using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// The HL7 sender against real PostgreSQL and RabbitMQ and an MLLP receiver on loopback: events published as the
/// services would, logged by tracking, sent as v2 messages in the log's order.
/// </summary>
public class Hl7SenderTests(Hl7SenderFactory factory) : IClassFixture<Hl7SenderFactory>
{
    private static readonly Dictionary<Type, string> MessageTypes = new()
    {
        [typeof(AppointmentBooked)] = "SIU^S12",
        [typeof(PatientCheckedIn)] = "ADT^A04",
        [typeof(PatientRoomed)] = "ADT^A08",
        [typeof(PatientCheckedOut)] = "ADT^A03",
        [typeof(LabResultRecorded)] = "ORU^R01",
    };

    [Fact]
    public async Task Send_TwoVisitsWithAnErrorAndARefusal_EveryMessageOnceInLogOrder_ErrorResentUnchanged_RefusalLoggedAndPassed()
    {
        var one = Hl7Visit.New(factory.Clinic);
        var two = Hl7Visit.New(factory.Clinic);
        var elsewhere = Hl7Visit.New($"other-{Guid.NewGuid():N}");
        IVisitEvent[] script =
        [
            one.Booked(), one.CheckedIn(), one.LabOrdered(),
            elsewhere.Booked(), elsewhere.CheckedIn(),
            two.Booked(), two.CheckedIn(), two.LabOrdered(), two.SpecimenCollected("ACC-2"), two.Resulted(),
            one.Resulted(), one.Roomed("EXAM-4"), one.CheckedOut(),
            two.Roomed("EXAM-7"), two.CheckedOut(),
            one.ProviderStarted(Guid.CreateVersion7()),
        ];

        var positions = new List<long>();
        foreach (var e in script)
        {
            // One at a time: each contract has its own queue, and the test needs the log in the script's order.
            await factory.PublishAllAsync([e]);
            positions.Add(await PositionOfAsync(e.EventId));
        }

        positions.Should().BeInAscendingOrder("the log holds the script in its order");
        var sent = script.Where(e => e.VisitId != elsewhere.VisitId && MessageTypes.ContainsKey(e.GetType())).ToList();
        var controlIds = sent.Select(e => Hl7ControlId.For(e.EventId)).ToList();
        var received = await Eventually.Until(
            () => Task.FromResult(factory.Receiver.Received.Count >= sent.Count + 1 ? factory.Receiver.Received.ToList() : null),
            TimeSpan.FromSeconds(60), $"{sent.Count + 1} messages at the receiver");
        var status = await Eventually.Until(() => StatusOnceSettledAsync(positions[^1]), TimeSpan.FromSeconds(30), "the sender's cursor at the last step");
        await Task.Delay(TimeSpan.FromSeconds(1));

        factory.Receiver.Received.Should().HaveCount(sent.Count + 1, "only the AE message is sent twice; the refused one is not sent again");
        var messages = received.Select(Er7Parser.Parse).ToList();
        messages.Select(message => message.Header[10]).Should().Equal([controlIds[0], .. controlIds], "the log's order, holding at the AE message");
        received[1].Should().Be(received[0], "the resend is the same message");
        for (var index = 0; index < sent.Count; index++)
        {
            var message = messages[index + 1];
            message.MessageType.Should().Be(MessageTypes[sent[index].GetType()]);
            message.Header[5].Should().Be("EHR");
            message.Single("PV1")[19].Should().Be(sent[index].VisitId.ToString());
            if (message.MessageType == "SIU^S12")
            {
                message.Single("SCH")[1].Should().Be(sent[index].VisitId.ToString());
            }
        }

        // Two's lab result: its order and specimen were not sent but folded into the context held in memory.
        var twoResult = messages[1 + sent.IndexOf(script[9])].Single("OBR");
        (twoResult.Value(4, 2), twoResult[3]).Should().Be(("Glucose", "ACC-2"));
        // One's lab result: one left the single-visit cache, so its context was folded again from the event store.
        var oneResult = messages[1 + sent.IndexOf(script[10])];
        oneResult.Single("OBR").Value(4, 2).Should().Be("Glucose");
        oneResult.Single("PV1")[7].Should().Be(one.ProviderId.ToString());
        var oneOut = messages[1 + sent.IndexOf(script[12])].Single("PV1");
        (oneOut.Value(3, 1), oneOut.Value(3, 2)).Should().Be((factory.Clinic, "EXAM-4"));
        messages[1 + sent.IndexOf(script[13])].Single("PV1").Time(44).Should().Be(two.At(-5), "two's arrival, from the store, refused A04 and all");

        // Every message the receiver got is a disclosure of its patient to the interface, the resend and the refused one too.
        var disclosed = (await new AuditLog(factory.AuditDatabaseConnectionString).AfterAsync(0))
            .Where(r => r.Entry.ResourceType == "hl7-message" && controlIds.Contains(r.Entry.ResourceId!)).Select(r => r.Entry).ToList();
        disclosed.Select(e => e.ResourceId).Should().Equal([controlIds[0], .. controlIds]);
        disclosed.Should().OnlyContain(e => e.Action == AuditAction.Disclosure && e.Subject == "hl7:EHR@HOSPITAL");
        disclosed.Select(e => e.StatusCode).Should().Equal([502, .. controlIds.Select(id => id == Hl7ControlId.For(script[6].EventId) ? 422 : 200)]);
        disclosed.SelectMany(e => e.PatientIds).Distinct().Should().BeEquivalentTo([one.PatientId, two.PatientId]);

        var refused = script[6];
        status.Deliveries.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            EventId = refused.EventId,
            ControlId = Hl7ControlId.For(refused.EventId),
            VisitId = two.VisitId,
            MessageType = "ADT^A04",
            Position = positions[6],
            AckCode = "AR",
            AckText = "Unsupported message type",
            Attempts = 1,
        });
        status.Sender.Should().BeEquivalentTo(new { Configured = true, Position = positions[^1], LastAck = "AA", Retrying = false });
    }

    [Fact]
    public async Task GetDeliveries_WithoutTheIntegratorFeedPolicyOrWithABadLimit_Refused()
    {
        const string path = "/api/tracking/hl7/deliveries";

        (await factory.CreateAnonymousClient().GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateClient(Roles.FrontDesk).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.CreateClient(Roles.Ops).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.CreateClient(Roles.Integrator).GetAsync($"{path}?limit=0")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    private async Task<Hl7DeliveriesResponse?> StatusOnceSettledAsync(long lastPosition)
    {
        var response = await factory.CreateClient(Roles.Integrator).GetFromJsonAsync<Hl7DeliveriesResponse>("/api/tracking/hl7/deliveries?limit=10");
        return response?.Sender.Position == lastPosition ? response : null;
    }

    private async Task<long> PositionOfAsync(Guid eventId)
    {
        var found = await Eventually.Until(async () =>
        {
            await using var connection = factory.Store.Storage.Database.CreateConnection();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select seq_id from mt_events where type = 'journey_step_recorded' and data ->> 'sourceEventId' = @id", connection);
            command.Parameters.AddWithValue("id", eventId.ToString());
            return await command.ExecuteScalarAsync() is long position ? (long[])[position] : null;
        }, TimeSpan.FromSeconds(60), $"event {eventId} in tracking's log");
        return found[0];
    }
}
