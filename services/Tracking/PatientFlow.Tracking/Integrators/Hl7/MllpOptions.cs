namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>Where an <see cref="MllpClient"/> sends, and how long it waits.</summary>
/// <param name="Host">The receiver's host name or address.</param>
/// <param name="Port">The receiver's MLLP port.</param>
public sealed record MllpOptions(string Host, int Port)
{
    /// <summary>Longest wait for a TCP connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait to hand one framed message to the connection.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait, after sending, for the receiver's acknowledgement.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest acknowledgement accepted; a receiver that never ends its frame cannot exhaust memory.</summary>
    public int MaxAckBytes { get; init; } = 1 << 20;
}
