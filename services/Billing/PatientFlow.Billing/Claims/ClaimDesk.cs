using Marten;
using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.X12;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Billing.Claims;

/// <summary>How late lab charges are handled (<c>Billing:Claims:LateCharges</c>).</summary>
public enum LateChargePolicy
{
    /// <summary>The claim is drafted at check-out; a later charge goes on it, or on a corrected claim once adjudicated.</summary>
    Correct,

    /// <summary>The claim waits until every ordered lab test is resulted or cancelled.</summary>
    Wait,
}

/// <summary>
/// Where claim decisions meet the store: the claim folded from its events, the patient's primary coverage, the
/// billing provider and the date; the events appended at the version they were decided on.
/// </summary>
public sealed class ClaimDesk(FeeSchedule fees, BatchParties parties, TimeProvider clock)
{
    public BatchParties Parties => parties;

    /// <summary>
    /// The latest calendar date anywhere (UTC+14): a date of service is "in the future" only when no clinic on earth
    /// has reached it yet, whatever the server's zone.
    /// </summary>
    public static DateOnly LatestDateAnywhere(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));

    public ClaimContext Context(string by)
    {
        var now = clock.GetUtcNow();
        return new ClaimContext(parties.BillingProvider, fees, LatestDateAnywhere(now), now, by);
    }

    /// <summary>Starts the claim's stream: numbered, then scrubbed against the patient's coverage in the same commit.</summary>
    public async Task DraftAsync(IDocumentSession session, ClaimCreated created, CancellationToken ct)
    {
        var number = new ClaimNumber { ClaimId = created.ClaimId };
        session.Store(number);
        var numbered = created with { ClaimNumber = number.Number };
        var primary = await PrimaryCoverageAsync(session, created.PatientId, ct);
        var scrubbed = ClaimDecisions.Scrub(Claim.Create(numbered), primary, Context("billing"));
        session.Events.StartStream<Claim>(created.ClaimId, [numbered, .. scrubbed]);
    }

    /// <summary>
    /// Decides on the claim as its events left it and appends the decision expecting exactly that version, so a
    /// concurrent decision on the same claim makes the save fail rather than both commit.
    /// </summary>
    public async Task<(Claim Before, Claim After, IReadOnlyList<object> Events, long Version)> DecideAsync(
        IDocumentSession session, Guid claimId, Func<Claim, CoverageOnFile?, IReadOnlyList<object>> decide, CancellationToken ct,
        long? expectedVersion = null)
    {
        var (claim, version) = await LoadAsync(session, claimId, ct);
        var before = claim ?? throw new NotFoundException($"claim {claimId} not found");
        if (expectedVersion is { } expected && expected != version)
        {
            throw new PreconditionFailedException(expected, version);
        }

        var primary = await PrimaryCoverageAsync(session, before.PatientId, ct);
        var events = decide(before, primary);
        if (events.Count > 0)
        {
            session.Events.Append(claimId, version + events.Count, [.. events]);
        }

        return (before, Claim.Replay(before, events), events, version + events.Count);
    }

    /// <summary>The claim folded from its events and the stream version it reflects, read together.</summary>
    public static async Task<(Claim? Claim, long Version)> LoadAsync(IQuerySession session, Guid claimId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(claimId, token: ct);
        return events.Count == 0 ? (null, 0) : (Claim.Replay(null, events.Select(e => e.Data)), events[^1].Version);
    }

    public static async Task<CoverageOnFile?> PrimaryCoverageAsync(IQuerySession session, Guid patientId, CancellationToken ct) =>
        (await session.Events.AggregateStreamAsync<PatientCoverage>(patientId, token: ct))?.Primary;
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
