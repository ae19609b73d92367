using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// An integrator's endpoint and what it receives. It belongs to <see cref="CreatedBy"/>, the client that registered
/// it (its token's subject): only that client sees and manages it. <see cref="Cursor"/> is the feed position up to
/// which events have been queued as deliveries for it. The secret signs every delivery, is shown only when generated,
/// and is kept encrypted (<see cref="ProtectedSecret"/>, see <see cref="WebhookSecrets"/>). A replay request sets
/// <see cref="ReplayAfter"/>, which the webhook worker (the cursor's only writer) turns into the new cursor.
/// <see cref="Revision"/> counts what integrators asked of it (registered, replayed, dead letters requeued, deactivated), not the
/// worker's progress: it is the subscription's ETag, and a change sent with <c>If-Match</c> is made only at that revision.
/// </summary>
/// <param name="Secret">The secret in clear: only in subscriptions stored before secrets were encrypted, until the webhook worker encrypts it.</param>
/// <param name="ProtectedSecret">The secret, encrypted with Data Protection.</param>
public sealed record WebhookSubscription(
    Guid Id,
    Uri Url,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<string> Clinics,
    PayloadScope Scope,
    string? Secret,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long Cursor,
    bool Active = true,
    long? ReplayAfter = null,
    WebhookFormat Format = WebhookFormat.CloudEvents,
    string? ProtectedSecret = null,
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
