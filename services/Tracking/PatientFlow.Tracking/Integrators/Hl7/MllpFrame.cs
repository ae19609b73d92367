using System.Text;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// MLLP (release 1) framing: a start block <c>0x0B</c>, the message, an end block <c>0x1C</c> and a carriage return
/// <c>0x0D</c>. The message bytes are UTF-8, as MSH-18 declares.
/// </summary>
public static class MllpFrame
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>Writes one framed message and flushes it.</summary>
    public static async Task WriteAsync(Stream stream, string message, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var frame = new byte[body.Length + 3];
        frame[0] = StartBlock;
        body.CopyTo(frame, 1);
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        await stream.WriteAsync(frame, ct);
        await stream.FlushAsync(ct);
    }

    /// <summary>
    /// Reads one frame's message, or null when the stream ends cleanly before a frame starts. Reads a byte at a
    /// time so nothing after the frame is consumed: give it a buffered stream.
    /// </summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">Bytes outside a frame, a frame without its closing CR, or one over <paramref name="maxBytes"/>.</exception>
    public static async Task<string?> ReadAsync(Stream stream, CancellationToken ct, int maxBytes = 1 << 20)
    {
        var one = new byte[1];
        var first = await ReadByteAsync(stream, one, ct);
        if (first is null)
        {
            return null;
        }

        if (first != StartBlock)
        {
            throw new InvalidDataException($"Expected the MLLP start block 0x0B, read 0x{first:X2}.");
        }

        using var body = new MemoryStream();
        while (true)
        {
            var next = await ReadByteAsync(stream, one, ct) ?? throw new EndOfStreamException("The stream ended inside an MLLP frame.");
            if (next == EndBlock)
            {
                var last = await ReadByteAsync(stream, one, ct) ?? throw new EndOfStreamException("The stream ended before the MLLP frame's closing CR.");
                return last == CarriageReturn
                    ? Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length)
                    : throw new InvalidDataException($"Expected CR after the MLLP end block, read 0x{last:X2}.");
            }

            if (body.Length >= maxBytes)
            {
                throw new InvalidDataException($"The MLLP frame is longer than {maxBytes} bytes.");
            }

            body.WriteByte(next);
        }
    }

    private static async Task<byte?> ReadByteAsync(Stream stream, byte[] one, CancellationToken ct) =>
        await stream.ReadAsync(one, ct) == 0 ? null : one[0];
}
