namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>Which HL7 v2.5.1 message an integration event becomes.</summary>
/// <param name="Event">The contract, for example <c>PatientFlow.Contracts.Scheduling.V1.PatientCheckedIn</c>.</param>
/// <param name="MessageType">Message code and trigger event, for example <c>ADT^A04</c>.</param>
/// <param name="Structure">The abstract message structure in MSH-9.3, for example <c>ADT_A01</c>.</param>
/// <param name="Meaning">What the receiver is told, in a few words.</param>
public sealed record Hl7Mapping(Type Event, string MessageType, string Structure, string Meaning)
{
    /// <summary>The trigger event alone, for example <c>A04</c>.</summary>
    public string Trigger => MessageType[(MessageType.IndexOf('^', StringComparison.Ordinal) + 1)..];

    /// <summary>MSH-9 as written: <c>ADT^A04^ADT_A01</c>.</summary>
    public string Msh9 => $"{MessageType}^{Structure}";
}
