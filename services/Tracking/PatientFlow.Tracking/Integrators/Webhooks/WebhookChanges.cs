using System.Security.Claims;
using Marten;
using Marten.Patching;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// A change an integrator asks of a subscription honours <c>If-Match</c> as the command path does (400 when malformed, 412 when
/// stale): the subscription is read under its row lock, checked, and its revision moved on in the same commit as the change.
/// The lock, not a version check at save, because the change is a patch: the webhook worker moves the cursor meanwhile.
/// </summary>
public static class WebhookChanges
{
    /// <summary>
    /// Locks the subscription for the session's commit, checks that <paramref name="user"/> (of <paramref name="clinics"/>)
    /// may see it (another client's is not found, before any If-Match check, so a 412 never tells it exists), checks
    /// <c>If-Match</c>, and patches the next revision (the answer's ETag).
    /// </summary>
    public static async Task<WebhookSubscription> ChangeAsync(
        this IDocumentSession session, Guid id, ClaimsPrincipal user, ClinicScope clinics, HttpContext http, CancellationToken ct)
    {
        var expected = StreamVersion.ExpectedVersion(http);
        await session.BeginTransactionAsync(ct);
        var subscription = (await session.QueryAsync<WebhookSubscription>("where id = ? for update", ct, id)).SingleOrDefault() is { } found && Sees(user, clinics, found)
            ? found
            : throw NotFound(id);
        if (expected is { } version && version != subscription.Revision)
        {
            throw new PreconditionFailedException(version, subscription.Revision);
        }

        session.Patch<WebhookSubscription>(id).Set(s => s.Revision, subscription.Revision + 1);
        StreamVersion.SetETag(http, subscription.Revision + 1);
        return subscription;
    }

    public static NotFoundException NotFound(Guid id) => new($"no webhook subscription {id}");

    /// <summary>
    /// Whether <paramref name="user"/> may see and manage <paramref name="subscription"/>: its owner, or operations staff whose
    /// <paramref name="clinics"/> cover every clinic it delivers (one over every clinic: staff of every clinic).
    /// </summary>
    public static bool Sees(ClaimsPrincipal user, ClinicScope clinics, WebhookSubscription subscription) =>
        OwnerSeenBy(user) is { } owner ? subscription.CreatedBy == owner : clinics.Covers(subscription.Clinics);

    /// <summary>
    /// Whose subscriptions <paramref name="user"/> sees: its own, or every client's (null) for ops, the operators who act
    /// on an integrator's behalf (a replay after the integrator's outage, stopping a receiver that fails everything).
    /// </summary>
    public static string? OwnerSeenBy(ClaimsPrincipal user) => user.IsInRole(Roles.Ops) ? null : user.FindFirstValue("sub");
}
