using System.Security.Claims;
using Marten;
using Marten.Patching;
using PatientFlow.Platform.Access;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Tracking.Access;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// A webhook carries no more than its owner's token granted: the payload scope and clinics are cut to the token when it is
/// registered, and cut again to the owner's token on each later change (a replay, dead letters requeued), so a grant
/// narrowed at the issuer holds from the owner's next call on. The webhook worker builds every delivery from what is stored.
/// </summary>
public static class WebhookGrants
{
    /// <summary>Integrators need <c>webhooks</c> for every webhook route; operations staff list and manage them by their role.</summary>
    public static ValueTask<object?> RequireScope(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        return user.IsInRole(Roles.Ops) || user.HasScope(TokenScopes.Webhooks)
            ? next(context)
            : throw new NotGrantedException("scope", $"webhooks need the {TokenScopes.Webhooks} scope");
    }

    /// <summary>What a registration may subscribe to: its query cut to the token, which must grant <c>webhooks</c> itself.</summary>
    public static FeedQuery ForRegistration(FeedQuery asked, ClaimsPrincipal user, ClinicScope clinics) => user.HasScope(TokenScopes.Webhooks)
        ? asked.BoundBy(user, clinics)
        : throw new NotGrantedException("scope", $"registering a webhook needs the {TokenScopes.Webhooks} scope");

    /// <summary>
    /// When <paramref name="user"/> owns <paramref name="subscription"/> and its token (its feed scope, its
    /// <paramref name="clinics"/>) grants less than is stored, patches the narrower scope and clinics and drops the
    /// deliveries not sent yet; answers the position to queue again from (those deliveries, rebuilt under the new grant),
    /// or null when nothing narrowed.
    /// </summary>
    /// <exception cref="NotGrantedException">The token grants no feed scope, or none of the webhook's clinics.</exception>
    public static async Task<long?> NarrowToAsync(
        this IDocumentSession session, WebhookSubscription subscription, ClaimsPrincipal user, ClinicScope clinics, CancellationToken ct)
    {
        if (subscription.CreatedBy != user.Subject())
        {
            // Operations acting for the owner leave the owner's grant as it is.
            return null;
        }

        var scope = (PayloadScope)Math.Min((int)subscription.Scope, (int)FeedGrants.Granted(user));
        var narrowed = Narrowed(subscription.Clinics, clinics);
        if (scope == subscription.Scope && narrowed.SequenceEqual(subscription.Clinics))
        {
            return null;
        }

        var pending = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == subscription.Id && d.Status == DeliveryStatus.Pending)
            .Select(d => d.Position)
            .ToListAsync(ct);
        session.Patch<WebhookSubscription>(subscription.Id).Set(s => s.Scope, scope);
        session.Patch<WebhookSubscription>(subscription.Id).Set(s => s.Clinics, narrowed);
        session.DeleteWhere<WebhookDelivery>(d => d.SubscriptionId == subscription.Id && d.Status == DeliveryStatus.Pending);
        return pending.Count > 0 ? pending.Min() - 1 : null;
    }

    /// <summary>The stored clinics (empty: every clinic) within the token's; none left is refused rather than read as every clinic.</summary>
    private static IReadOnlyList<string> Narrowed(IReadOnlyList<string> stored, ClinicScope token)
    {
        if (token.HasAllClinics)
        {
            return stored;
        }

        IReadOnlyList<string> kept = stored.Count == 0 ? [.. token.Clinics!.Order(StringComparer.Ordinal)] : [.. stored.Where(token.Admits)];
        return kept.Count > 0 ? kept : throw new NotGrantedException("clinics", "the token grants none of this webhook's clinics");
    }
}
