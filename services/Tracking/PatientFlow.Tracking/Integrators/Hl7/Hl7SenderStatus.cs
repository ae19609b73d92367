namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// How the HL7 sender is doing, kept with its cursor so any tracking instance can tell, not only the one sending.
/// </summary>
/// <param name="Id">Always <see cref="Hl7Sender.Name"/>.</param>
/// <param name="ControlId">MSH-10 of the message last answered, or being retried.</param>
/// <param name="Position">That message's event position.</param>
/// <param name="LastAck">MSA-1 of the last answer that settled a message (<c>AA</c>, <c>CA</c>, <c>AR</c>, <c>CR</c>).</param>
/// <param name="LastAckAt">When it came.</param>
/// <param name="Retrying">True while the sender holds at <see cref="ControlId"/>, resending it.</param>
/// <param name="Attempts">Sends of that message so far.</param>
/// <param name="LastFailure">Why the last attempt failed: an ACK code (<c>AE</c>) or the kind of error (<c>TimeoutException</c>).</param>
/// <param name="UpdatedAt">When this was written.</param>
public sealed record Hl7SenderStatus(
    string Id, string? ControlId, long Position, string? LastAck, DateTimeOffset? LastAckAt, bool Retrying, int Attempts, string? LastFailure,
    DateTimeOffset UpdatedAt);
