using PatientFlow.Tracking.Feed;

namespace PatientFlow.Tracking.Webhooks;

/// <summary>
/// An integrator's endpoint and what it receives. <see cref="Cursor"/> is the feed position up to which events have
/// been queued as deliveries for it; the secret signs every delivery and is shown only when created.
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
    bool Active = true)
{
    public FeedQuery Query => new(
        new HashSet<string>(EventTypes, StringComparer.Ordinal), new HashSet<string>(Clinics, StringComparer.Ordinal), null, Scope);
}
