using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// <c>Tracking:Hl7</c>: the receiving interface the feed's HL7 v2 messages go to over MLLP. The sender runs only
/// when <see cref="Host"/> and <see cref="Port"/> are set.
/// </summary>
public sealed class Hl7FeedOptions
{
    public const string Section = "Tracking:Hl7";

    /// <summary>The receiver's host name or address (an integration engine's MLLP listener).</summary>
    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary>MSH-3.</summary>
    public string SendingApplication { get; set; } = "PATIENTFLOW";

    /// <summary>MSH-4.</summary>
    public string SendingFacility { get; set; } = "PATIENTFLOW";

    /// <summary>MSH-5, as the receiving interface expects it.</summary>
    public string ReceivingApplication { get; set; } = "";

    /// <summary>MSH-6, as the receiving interface expects it.</summary>
    public string ReceivingFacility { get; set; } = "";

    /// <summary>MSH-11: <c>P</c> production, <c>T</c> training, <c>D</c> debugging.</summary>
    public string ProcessingId { get; set; } = "P";

    /// <summary>Wait before the first resend of a message that was not acknowledged; doubled each time after.</summary>
    public TimeSpan RetryFirstAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between resends: the sender never gives up on a message the receiver did not refuse.</summary>
    public TimeSpan RetryLongest { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait, after sending, for the receiver's ACK.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Clinic codes whose visits are sent; empty for every clinic.</summary>
    public List<string> Clinics { get; set; } = [];

    /// <summary>Where the first run starts: <c>end</c> (default) or <c>beginning</c> of the log.</summary>
    public FeedStart StartFrom { get; set; } = FeedStart.End;

    /// <summary>Visits whose context (clinic, provider, room, lab tests) is kept in memory between their messages.</summary>
    public int CachedVisits { get; set; } = 10_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Whether a step belongs to a clinic this interface receives.</summary>
    public bool Covers(FeedEntry entry) => Clinics.Count == 0 || (entry.Step.Clinic is { } clinic && Clinics.Contains(clinic, StringComparer.Ordinal));

    public Hl7Options Header() => new(SendingApplication, SendingFacility, ReceivingApplication, ReceivingFacility, ProcessingId);

    public MllpOptions Mllp() => new(Host ?? "", Port ?? 0) { AckTimeout = AckTimeout };

    /// <summary>Problems with the settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Enabled && Port is not (> 0 and < 65536))
        {
            problems.Add($"{Section}:Port must be a TCP port (1-65535) when {Section}:Host is set");
        }

        if (!Enabled && Port is not null)
        {
            problems.Add($"{Section}:Host must be set when {Section}:Port is");
        }

        if (RetryFirstAfter <= TimeSpan.Zero || RetryLongest < RetryFirstAfter)
        {
            problems.Add($"{Section}: needs 0 < RetryFirstAfter <= RetryLongest");
        }

        if (AckTimeout <= TimeSpan.Zero || CachedVisits < 1)
        {
            problems.Add($"{Section}: AckTimeout and CachedVisits must be positive");
        }

        try
        {
            Header().Validate();
        }
        catch (ArgumentException invalid)
        {
            problems.Add($"{Section}: {invalid.Message}");
        }

        return problems;
    }
}
