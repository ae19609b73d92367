using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// An integrator's endpoint and what it receives. <see cref="Cursor"/> is the feed position up to which events have
/// been queued as deliveries for it; the secret signs every delivery and is shown only when created. A replay request
/// sets <see cref="ReplayAfter"/>, which the webhook worker (the cursor's only writer) turns into the new cursor.
/// <see cref="Revision"/> counts what integrators asked of it (registered, replayed, dead letters requeued, deactivated), not the
/// worker's progress: it is the subscription's ETag, and a change sent with <c>If-Match</c> is made only at that revision.
/// </summary>
public sealed record WebhookSubscription(
    Guid Id,
    Uri Url,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<string> Clinics,
    PayloadScope Scope,
    string Secret,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long Cursor,
    bool Active = true,
    long? ReplayAfter = null,
    WebhookFormat Format = WebhookFormat.CloudEvents,
    long Revision = 1)
{
    public FeedQuery Query => new(
        new HashSet<string>(EventTypes, StringComparer.Ordinal), new HashSet<string>(Clinics, StringComparer.Ordinal), null, Scope);
}

/// <summary>What a delivery's <c>data</c> holds.</summary>
public enum WebhookFormat
{
    /// <summary>The event itself, in the subscription's scope.</summary>
    CloudEvents,

    /// <summary>The FHIR R4 resources the event created or changed, in a collection Bundle (clinical scope only).</summary>
    Fhir,
}
