namespace PatientFlow.Billing.X12;

/// <summary>A postal address as the 837P's N3/N4 carry it.</summary>
public sealed record X12Address(string Line1, string City, string State, string PostalCode);

/// <summary>Who sends the batch (1000A) and who receives it (1000B), with the interchange ids of both.</summary>
public sealed record Submitter(string Name, string Id, string ContactName, string ContactPhone, string InterchangeId);

public sealed record Receiver(string Name, string Id, string InterchangeId);

/// <summary>The billing provider (2010AA): an organisation with an NPI, a tax id (EIN) and a street address.</summary>
public sealed record BillingProvider(string Name, string Npi, string TaxId, X12Address Address, string? TaxonomyCode = null);

/// <summary>The subscriber (2010BA), who is the patient in this release (SBR02 18, self).</summary>
public sealed record Subscriber(
    string LastName, string FirstName, string MemberId, DateOnly DateOfBirth, string Gender, X12Address Address, string ClaimFilingIndicator = "CI");

public sealed record Payer(string Name, string Id);

/// <summary>One service line (2400): procedure with up to four modifiers, charge, units, up to four diagnosis pointers.</summary>
public sealed record ServiceLine(string Procedure, IReadOnlyList<string> Modifiers, decimal Charge, int Units, IReadOnlyList<int> DiagnosisPointers, DateOnly ServiceDate);

/// <summary>
/// One claim (2000B–2400). <see cref="FrequencyCode"/> is 1 for an original claim and 7 for a replacement, which then
/// names the payer's claim number of the claim it replaces.
/// </summary>
public sealed record ProfessionalClaim(
    string PatientControlNumber,
    Subscriber Subscriber,
    Payer Payer,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<ServiceLine> Lines,
    string PlaceOfService = "11",
    string FrequencyCode = "1",
    string? OriginalClaimNumber = null)
{
    public decimal TotalCharge => Lines.Sum(l => l.Charge);
}

/// <summary>A batch for one payer: the interchange, group and transaction-set control numbers make it traceable end to end.</summary>
public sealed record Batch837P(
    Submitter Submitter,
    Receiver Receiver,
    BillingProvider BillingProvider,
    IReadOnlyList<ProfessionalClaim> Claims,
    long InterchangeControlNumber,
    long GroupControlNumber,
    string BatchReference,
    DateTimeOffset CreatedAt,
    bool Production = false);
