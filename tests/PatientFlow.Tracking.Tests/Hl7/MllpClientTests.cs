using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class MllpClientTests
{
    private static readonly Hl7Visit Visit = Hl7Visit.New();

    private static Hl7Message Message() => Hl7Visit.Send(Visit.CheckedIn()).Message;

    private static MllpClient ClientFor(FakeMllpReceiver receiver, TimeSpan? ackTimeout = null) =>
        new(new MllpOptions("127.0.0.1", receiver.Port) { AckTimeout = ackTimeout ?? TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task SendAsync_ReceiverAnswersInTurn_EachAnswerSurfacesAndTheClientReconnectsAfterFailures()
    {
        await using var receiver = new FakeMllpReceiver(
            Reply.Accept, Reply.Error, Reply.Reject, Reply.AcknowledgeAnotherMessage, Reply.CloseMidFrame, Reply.Accept);
        await using var client = ClientFor(receiver);
        var sent = Enumerable.Range(0, 6).Select(_ => Message()).ToArray();

        var accepted = await client.SendAsync(sent[0], CancellationToken.None);
        var error = await client.SendAsync(sent[1], CancellationToken.None);
        var rejected = await client.SendAsync(sent[2], CancellationToken.None);
        var mismatch = () => client.SendAsync(sent[3], CancellationToken.None);
        var mismatchThrown = await mismatch.Should().ThrowAsync<MllpAckMismatchException>();
        var cut = () => client.SendAsync(sent[4], CancellationToken.None);
        await cut.Should().ThrowAsync<IOException>();
        var afterwards = await client.SendAsync(sent[5], CancellationToken.None);

        accepted.Should().Be(new MllpAck("AA", sent[0].ControlId, null));
        (accepted.Accepted, accepted.Rejected).Should().Be((true, false));
        error.Should().Be(new MllpAck("AE", sent[1].ControlId, "Patient & visit unknown"));
        (error.Accepted, error.Rejected).Should().Be((false, false));
        rejected.Should().Be(new MllpAck("AR", sent[2].ControlId, "Unsupported message type"));
        (rejected.Accepted, rejected.Rejected).Should().Be((false, true));
        mismatchThrown.Which.SentControlId.Should().Be(sent[3].ControlId);
        mismatchThrown.Which.Ack.ControlId.Should().Be("SOMEOTHERMESSAGE0001");
        afterwards.Accepted.Should().BeTrue();
        receiver.Received.Should().Equal(sent.Select(message => message.Text));
        receiver.Connections.Should().Be(3, "one connection until the mismatch, one until the cut, one after");
    }

    [Fact]
    public async Task SendAsync_NoAcknowledgement_TimesOutAndTheNextSendReconnects()
    {
        await using var receiver = new FakeMllpReceiver(Reply.Silence, Reply.Accept);
        await using var client = ClientFor(receiver, ackTimeout: TimeSpan.FromSeconds(1.5));

        var unanswered = () => client.SendAsync(Message(), CancellationToken.None);
        await unanswered.Should().ThrowAsync<TimeoutException>();
        var answered = await client.SendAsync(Message(), CancellationToken.None);

        answered.Accepted.Should().BeTrue();
        receiver.Connections.Should().Be(2);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_CancellationNotTimeout()
    {
        await using var receiver = new FakeMllpReceiver(Reply.Silence);
        await using var client = ClientFor(receiver);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var send = () => client.SendAsync(Message(), cancel.Token);

        await send.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task SendAsync_NobodyListening_ConnectionRefused()
    {
        var receiver = new FakeMllpReceiver();
        var port = receiver.Port;
        await receiver.DisposeAsync();
        await using var client = new MllpClient(new MllpOptions("127.0.0.1", port));

        var send = () => client.SendAsync(Message(), CancellationToken.None);

        await send.Should().ThrowAsync<System.Net.Sockets.SocketException>();
    }
}
