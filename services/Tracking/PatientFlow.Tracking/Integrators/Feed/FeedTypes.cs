using PatientFlow.Platform.Messaging;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>The event types the feed carries: every integration event about a visit.</summary>
public static class FeedTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = PlatformTopology.AllIntegrationEvents
        .Where(type => type.IsAssignableTo(typeof(IVisitEvent)))
        .ToDictionary(ContractSteps.NameOf, type => type, StringComparer.Ordinal);

    /// <summary>A short name (<c>scheduling.appointment-booked.v1</c>) or a CloudEvents type (<c>org.patientflow.…</c>).</summary>
    public static bool IsKnown(string type) =>
        ByName.ContainsKey(type.StartsWith(FeedEntry.TypePrefix, StringComparison.Ordinal) ? type[FeedEntry.TypePrefix.Length..] : type);
}
