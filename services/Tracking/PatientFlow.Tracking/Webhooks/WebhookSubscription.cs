using PatientFlow.Tracking.Feed;

namespace PatientFlow.Tracking.Webhooks;

/// <summary>
/// An integrator's endpoint and what it receives. <see cref="Cursor"/> is the feed position up to which events have
/// been queued as deliveries for it; the secret signs every delivery and is shown only when created. A replay request
/// sets <see cref="ReplayAfter"/>, which the webhook worker (the cursor's only writer) turns into the new cursor.
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
    long? ReplayAfter = null)
{
    public FeedQuery Query => new(
        new HashSet<string>(EventTypes, StringComparer.Ordinal), new HashSet<string>(Clinics, StringComparer.Ordinal), null, Scope);
}
