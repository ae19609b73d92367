using PatientFlow.Platform.Time;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>What a subscriber asks of the feed: which events, and what of their data.</summary>
/// <param name="Types">Event types to receive (CloudEvents <c>type</c> or the short name); empty for all.</param>
/// <param name="Clinics">Clinic codes; empty for all.</param>
/// <param name="Since">Only events tracking logged at or after this instant.</param>
/// <param name="Scope">How much of each event's data is sent.</param>
public sealed record FeedQuery(IReadOnlySet<string> Types, IReadOnlySet<string> Clinics, DateTimeOffset? Since, PayloadScope Scope)
{
    public static readonly FeedQuery All = new(new HashSet<string>(), new HashSet<string>(), null, PayloadScope.Ids);

    /// <summary>The short names (<c>scheduling.appointment-booked.v1</c>) the log stores.</summary>
    public string[] ShortTypes => [.. Types.Select(type => type.StartsWith(FeedEntry.TypePrefix, StringComparison.Ordinal) ? type[FeedEntry.TypePrefix.Length..] : type)];

    public bool Matches(FeedEntry entry) =>
        (Types.Count == 0 || ShortTypes.Contains(entry.Step.EventType))
        && (Clinics.Count == 0 || (entry.Step.Clinic is { } clinic && Clinics.Contains(clinic)))
        && (Since is null || entry.LoggedAt >= Since);

    /// <summary>Reads the query string's filters; an unknown type or scope is a 422 naming the field.</summary>
    public static FeedQuery Parse(string? types, string? clinics, string? since, string? scope)
    {
        var typeSet = Split(types);
        var unknown = typeSet.Where(type => !FeedTypes.IsKnown(type)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidFieldException("types", $"unknown event type(s): {string.Join(", ", unknown)}; the catalog lists them");
        }

        return new FeedQuery(typeSet, Split(clinics), AsOf.ParseInstant("since", since), ParseScope(scope));
    }

    private static PayloadScope ParseScope(string? scope) => scope switch
    {
        null or "" or "ids" => PayloadScope.Ids,
        "clinical" => PayloadScope.Clinical,
        _ => throw new InvalidFieldException("scope", "must be ids or clinical"),
    };

    private static HashSet<string> Split(string? value) =>
        new((value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
}
