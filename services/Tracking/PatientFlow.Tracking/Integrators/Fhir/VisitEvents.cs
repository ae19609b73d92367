using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Questions every mapping asks of a visit's events. Events from different services arrive in any order;
/// within one producer <c>RecordedAt</c> is the order things were decided, so "latest" means latest recorded.
/// </summary>
internal static class VisitEvents
{
    /// <summary>The latest recorded event of a kind; on a tie, the one tracking recorded last.</summary>
    public static T? Latest<T>(this IEnumerable<IVisitEvent> events) where T : class, IVisitEvent =>
        events.OfType<T>().OrderBy(e => e.RecordedAt).LastOrDefault();

    /// <summary>meta.lastUpdated: when PatientFlow recorded the latest of the events that changed the resource.</summary>
    public static Meta LastUpdated(this IEnumerable<IVisitEvent> changes) => new() { LastUpdated = changes.Max(e => e.RecordedAt) };

    public static FhirDateTime DateTime(DateTimeOffset at) => new(at);

    /// <summary>
    /// A required reference PatientFlow cannot fill (a payer nobody has named yet): present, as FHIR requires,
    /// and saying why it is empty instead of inventing a value.
    /// </summary>
    public static ResourceReference Unknown() => new()
    {
        Extension = [new Extension(Terminology.DataAbsentReason, new Code("unknown"))],
    };

    /// <summary>Delivery is at least once: a redelivered event keeps its id and counts once.</summary>
    public static IReadOnlyList<IVisitEvent> Deduplicated(this IEnumerable<IVisitEvent> events) => [.. events.DistinctBy(e => e.EventId)];

    /// <summary>The visit's events with <paramref name="e"/> among them (once), for questions about one event in context.</summary>
    public static IReadOnlyList<IVisitEvent> With(this IReadOnlyList<IVisitEvent> visit, IVisitEvent e) => visit.Append(e).Deduplicated();
}
