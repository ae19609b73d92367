namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// The receiver acknowledged a different message than the one just sent (MSA-2 is not its MSH-10). The exchange
/// is out of step, so whether the sent message arrived is unknown: the client drops the connection.
/// </summary>
public sealed class MllpAckMismatchException(string sentControlId, MllpAck ack)
    : Exception($"Sent message {sentControlId} but the acknowledgement ({ack.Code}) names {ack.ControlId ?? "no message"}.")
{
    /// <summary>MSH-10 of the message sent.</summary>
    public string SentControlId { get; } = sentControlId;

    /// <summary>The acknowledgement received.</summary>
    public MllpAck Ack { get; } = ack;
}
