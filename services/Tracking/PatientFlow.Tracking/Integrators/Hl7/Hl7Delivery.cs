namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// A message the receiving interface refused (AR or CR): the sender moved past it, so someone must look at it. Ids,
/// codes and times only: neither the message nor any clinical value is kept here.
/// </summary>
/// <param name="EventId">The integration event the message was built from (the document's id: one entry per event).</param>
/// <param name="ControlId">MSH-10 as sent, for finding it in the receiver's logs.</param>
/// <param name="VisitId">The visit, PV1-19.</param>
/// <param name="MessageType">For example <c>ADT^A04</c>.</param>
/// <param name="Position">The event's position in tracking's log.</param>
/// <param name="AckCode">MSA-1: <c>AR</c> or <c>CR</c>.</param>
/// <param name="AckText">The receiver's reason (MSA-3 or ERR), cut to <see cref="MaxAckText"/> characters.</param>
/// <param name="Attempts">Sends until the receiver answered, the refused one included.</param>
/// <param name="At">When the refusal came.</param>
/// <param name="Clinic">The visit's clinic, as the step named it: who may read the entry (null in entries kept before clinics were).</param>
public sealed record Hl7Delivery(
    Guid EventId, string ControlId, Guid VisitId, string MessageType, long Position, string AckCode, string? AckText, int Attempts, DateTimeOffset At,
    string? Clinic = null)
{
    public const int MaxAckText = 500;
}
