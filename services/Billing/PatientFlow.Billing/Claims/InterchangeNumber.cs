namespace PatientFlow.Billing.Claims;

// Drawn from the store's HiLo sequence for its document type when stored, so every instance issues unique numbers
// without asking the others. A refused command leaves a gap, never a duplicate.

/// <summary>An 837P interchange control number (ISA13, nine digits), also the group's (GS06).</summary>
public sealed class InterchangeNumber
{
    public long Id { get; set; }

    public Guid BatchId { get; set; }
}
