using System.Net.Sockets;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// Sends messages over MLLP and waits for each one's acknowledgement, one message at a time on one connection.
/// The connection stays open between sends; after any failure it is dropped and the next send connects again.
/// </summary>
/// <remarks>
/// A failed send is not retried here: if the connection broke after the message went out, the receiver may have
/// it. The caller decides; sending the same message again is safe with receivers that deduplicate on MSH-10,
/// which is the same for every build of an event's message.
/// </remarks>
public sealed class MllpClient(MllpOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private TcpClient? connection;
    private Stream? acks;

    /// <summary>Sends <paramref name="message"/> and returns the receiver's acknowledgement of it.</summary>
    /// <exception cref="MllpAckMismatchException">The acknowledgement names another message.</exception>
    /// <exception cref="TimeoutException">No connection, send or acknowledgement within the options' time.</exception>
    /// <exception cref="IOException">The connection failed or closed before the acknowledgement was complete.</exception>
    /// <exception cref="InvalidDataException">The reply is not an MLLP-framed acknowledgement.</exception>
    public async Task<MllpAck> SendAsync(Hl7Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await oneAtATime.WaitAsync(ct);
        try
        {
            var stream = await Within(options.ConnectTimeout, "connect", ConnectedAsync, ct);
            await Within(options.SendTimeout, $"send {message.ControlId}", async token =>
            {
                await MllpFrame.WriteAsync(stream, message.Text, token);
                return true;
            }, ct);
            var reply = await Within(options.AckTimeout, $"acknowledge {message.ControlId}", token => MllpFrame.ReadAsync(acks!, token, options.MaxAckBytes), ct)
                ?? throw new IOException($"The receiver closed the connection without acknowledging {message.ControlId}.");
            var ack = MllpAck.Parse(reply);
            return ack.ControlId == message.ControlId ? ack : throw new MllpAckMismatchException(message.ControlId, ack);
        }
        catch
        {
            // Whatever went wrong, the exchange on this connection is out of step: start the next send afresh.
            Disconnect();
            throw;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        oneAtATime.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<NetworkStream> ConnectedAsync(CancellationToken ct)
    {
        if (connection is { Connected: true })
        {
            return connection.GetStream();
        }

        Disconnect();
        connection = new TcpClient { NoDelay = true };
        await connection.ConnectAsync(options.Host, options.Port, ct);
        var stream = connection.GetStream();
        // Frames are read a byte at a time; the buffer keeps that off the socket.
        acks = new BufferedStream(stream);
        return stream;
    }

    private void Disconnect()
    {
        acks?.Dispose();
        connection?.Dispose();
        acks = null;
        connection = null;
    }

    /// <summary>Runs one step with its own deadline; the caller's cancellation stays a cancellation, the deadline becomes a timeout.</summary>
    private static async Task<T> Within<T>(TimeSpan limit, string step, Func<CancellationToken, Task<T>> run, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        try
        {
            return await run(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"MLLP: could not {step} within {limit}.");
        }
    }
}
