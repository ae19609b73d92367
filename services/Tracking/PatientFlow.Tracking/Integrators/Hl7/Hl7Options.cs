namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>The header values of every message: who sends, who receives, and whether it is production.</summary>
/// <param name="SendingApplication">MSH-3.</param>
/// <param name="SendingFacility">MSH-4.</param>
/// <param name="ReceivingApplication">MSH-5, as the receiving interface expects it.</param>
/// <param name="ReceivingFacility">MSH-6, as the receiving interface expects it.</param>
/// <param name="ProcessingId">MSH-11 (table 0103): <c>P</c> production, <c>T</c> training, <c>D</c> debugging.</param>
public sealed record Hl7Options(
    string SendingApplication = "PATIENTFLOW",
    string SendingFacility = "PATIENTFLOW",
    string ReceivingApplication = "",
    string ReceivingFacility = "",
    string ProcessingId = "P")
{
    /// <summary>Throws when the options would make messages a receiver must reject.</summary>
    public void Validate()
    {
        if (ProcessingId is not ("P" or "T" or "D"))
        {
            throw new ArgumentException($"MSH-11 processing id must be P, T or D, not '{ProcessingId}'.");
        }

        if (string.IsNullOrWhiteSpace(SendingApplication))
        {
            throw new ArgumentException("MSH-3 sending application must be named.");
        }
    }
}
