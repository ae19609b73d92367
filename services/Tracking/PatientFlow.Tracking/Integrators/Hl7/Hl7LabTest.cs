namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>What a visit's earlier lab events said about one test of one order; the result messages fill OBR and OBX from it.</summary>
/// <param name="Name">Display name from the order (OBR-4.2, OBX-3.2); null when the order was not seen.</param>
/// <param name="AccessionId">The specimen's accession number (OBR-3, the filler order number).</param>
/// <param name="CollectedAt">When its specimen was collected (OBR-7).</param>
/// <param name="ResultedAt">When its first result was produced: an amendment corrects the value, not the observation time.</param>
/// <param name="ReferenceRange">The range applied to the first result; amendments do not carry one.</param>
public sealed record Hl7LabTest(
    string? Name = null,
    string? AccessionId = null,
    DateTimeOffset? CollectedAt = null,
    DateTimeOffset? ResultedAt = null,
    string? ReferenceRange = null);
