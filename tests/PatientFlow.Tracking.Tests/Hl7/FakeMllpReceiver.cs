using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>How the fake receiver answers the next message.</summary>
public enum Reply
{
    Accept,
    Error,
    Reject,
    AcknowledgeAnotherMessage,
    CloseMidFrame,
    Silence,
}

/// <summary>
/// An MLLP receiver on 127.0.0.1 that checks every message with the strict parser and answers from a script, one
/// reply per message in the order given.
/// </summary>
public sealed class FakeMllpReceiver : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Reply> script;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int connections;

    public FakeMllpReceiver(params Reply[] replies)
    {
        script = new ConcurrentQueue<Reply>(replies);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Each message as it arrived, already checked by <see cref="Er7Parser"/>.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            Interlocked.Increment(ref connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var frames = new BufferedStream(stream);
            while (await MllpFrame.ReadAsync(frames, stop.Token) is { } text)
            {
                Received.Enqueue(text);
                var reply = script.TryDequeue(out var next) ? next : Reply.Accept;
                string controlId;
                try
                {
                    controlId = Er7Parser.Parse(text).Header[10];
                }
                catch (Er7FormatException invalid)
                {
                    // Whatever the script says, a message the parser refuses is rejected, and the test sees why.
                    await MllpFrame.WriteAsync(stream, Ack("AR", "?", $"Invalid: {invalid.Message}", null), stop.Token);
                    continue;
                }

                if (reply == Reply.Silence)
                {
                    continue;
                }

                if (reply == Reply.CloseMidFrame)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes("\vMSH|^~\\&|EHR|HOSPITAL|"), stop.Token);
                    return;
                }

                await MllpFrame.WriteAsync(stream, Ack(reply, controlId), stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the test ended; either way this connection is done.
        }
    }

    private static string Ack(Reply reply, string controlId)
    {
        (string Code, string Text, string? Err) ack = reply switch
        {
            Reply.Accept => ("AA", "", null),
            Reply.Error => ("AE", "", @"ERR||PID^1^3|101^Required field missing^HL70357|E||||Patient \T\ visit unknown"),
            Reply.Reject => ("AR", "Unsupported message type", null),
            Reply.AcknowledgeAnotherMessage => ("AA", "", null),
            _ => throw new ArgumentOutOfRangeException(nameof(reply)),
        };
        return Ack(ack.Code, reply == Reply.AcknowledgeAnotherMessage ? "SOMEOTHERMESSAGE0001" : controlId, ack.Text, ack.Err);
    }

    private static string Ack(string code, string controlId, string text, string? err)
    {
        var header = $@"MSH|^~\&|EHR|HOSPITAL|PATIENTFLOW|PATIENTFLOW|20261123091600+0000||ACK^A04^ACK|A{controlId[..Math.Min(19, controlId.Length)]}|P|2.5.1";
        return $"{header}\rMSA|{code}|{controlId}|{text}\r" + (err is null ? "" : err + "\r");
    }
}
