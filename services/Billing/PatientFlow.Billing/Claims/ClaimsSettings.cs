using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Claims;

/// <summary>How late lab charges are handled (<c>Billing:Claims:LateCharges</c>).</summary>
public enum LateChargePolicy
{
    /// <summary>The claim is drafted at check-out; a later charge goes on it, or on a corrected claim once adjudicated.</summary>
    Correct,

    /// <summary>The claim waits until every ordered lab test is resulted or cancelled.</summary>
    Wait,
}

/// <summary><c>Billing:Claims</c>: the parties of every 837P, whether files are production, and the late-charge policy.</summary>
public sealed class ClaimsSettings
{
    public LateChargePolicy LateCharges { get; set; } = LateChargePolicy.Correct;

    public bool Production { get; set; }

    public PartySettings Submitter { get; set; } = new();

    public PartySettings Receiver { get; set; } = new();

    public ProviderSettings BillingProvider { get; set; } = new();

    public static ClaimsSettings FromConfiguration(IConfiguration billing) =>
        billing.GetSection("Claims").Get<ClaimsSettings>() ?? throw new InvalidOperationException("Billing:Claims is not configured.");

    public BatchParties Parties()
    {
        Require(Submitter.Name, "Submitter:Name");
        Require(Submitter.Id, "Submitter:Id");
        Require(Submitter.InterchangeId, "Submitter:InterchangeId");
        Require(Receiver.Name, "Receiver:Name");
        Require(Receiver.Id, "Receiver:Id");
        Require(Receiver.InterchangeId, "Receiver:InterchangeId");
        Require(BillingProvider.Name, "BillingProvider:Name");
        return new BatchParties(
            new Submitter(Submitter.Name!, Submitter.Id!, Submitter.ContactName ?? "", Submitter.ContactPhone ?? "", Submitter.InterchangeId!),
            new Receiver(Receiver.Name!, Receiver.Id!, Receiver.InterchangeId!),
            new BillingProvider(
                BillingProvider.Name!, BillingProvider.Npi ?? "", BillingProvider.TaxId ?? "",
                new X12Address(BillingProvider.AddressLine1 ?? "", BillingProvider.City ?? "", BillingProvider.State ?? "", BillingProvider.PostalCode ?? ""),
                BillingProvider.TaxonomyCode),
            Production);
    }

    private static void Require(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"Billing:Claims:{key} is not configured.");
        }
    }

    public sealed class PartySettings
    {
        public string? Name { get; set; }

        public string? Id { get; set; }

        public string? InterchangeId { get; set; }

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }
    }

    public sealed class ProviderSettings
    {
        public string? Name { get; set; }

        public string? Npi { get; set; }

        public string? TaxId { get; set; }

        public string? TaxonomyCode { get; set; }

        public string? AddressLine1 { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? PostalCode { get; set; }
    }
}
