using Marten;
using Marten.Patching;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// A change an integrator asks of a subscription honours <c>If-Match</c> as the command path does (400 when malformed, 412 when
/// stale): the subscription is read under its row lock, checked, and its revision moved on in the same commit as the change.
/// The lock, not a version check at save, because the change is a patch: the webhook worker moves the cursor meanwhile.
/// </summary>
public static class WebhookChanges
{
    /// <summary>Locks the subscription for the session's commit, checks <c>If-Match</c>, and patches the next revision (the answer's ETag).</summary>
    public static async Task<WebhookSubscription> ChangeAsync(this IDocumentSession session, Guid id, HttpContext http, CancellationToken ct)
    {
        var expected = StreamVersion.ExpectedVersion(http);
        await session.BeginTransactionAsync(ct);
        var subscription = (await session.QueryAsync<WebhookSubscription>("where id = ? for update", ct, id)).SingleOrDefault()
            ?? throw NotFound(id);
        if (expected is { } version && version != subscription.Revision)
        {
            throw new PreconditionFailedException(version, subscription.Revision);
        }

        session.Patch<WebhookSubscription>(id).Set(s => s.Revision, subscription.Revision + 1);
        StreamVersion.SetETag(http, subscription.Revision + 1);
        return subscription;
    }

    public static NotFoundException NotFound(Guid id) => new($"no webhook subscription {id}");
}
