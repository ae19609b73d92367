namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>One HL7 v2.5.1 message, ER7-encoded.</summary>
/// <param name="ControlId">MSH-10, derived from the event id (<see cref="Hl7ControlId"/>); the ACK's MSA-2 must repeat it.</param>
/// <param name="Type">Message code and trigger event, for example <c>ADT^A04</c>.</param>
/// <param name="Text">The segments, each ended by a carriage return (<c>\r</c>), as MLLP frames them.</param>
public sealed record Hl7Message(string ControlId, string Type, string Text);
