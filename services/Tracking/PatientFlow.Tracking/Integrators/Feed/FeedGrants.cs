using System.Security.Claims;
using PatientFlow.Platform.Access;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Tracking.Access;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// What a token lets its holder read of the feed, on every channel (REST, SSE, gRPC, webhooks): <c>feed.ids</c> ids and
/// stages, <c>feed.clinical</c> the whole event; neither, nothing. The request chooses within that, never beyond it.
/// </summary>
public static class FeedGrants
{
    /// <summary>The widest payload the token allows.</summary>
    /// <exception cref="NotGrantedException">The token grants no feed scope.</exception>
    public static PayloadScope Granted(ClaimsPrincipal user) =>
        user.HasScope(TokenScopes.FeedClinical) ? PayloadScope.Clinical
        : user.HasScope(TokenScopes.FeedIds) ? PayloadScope.Ids
        : throw new NotGrantedException("scope", $"the token grants no feed scope ({TokenScopes.FeedIds} or {TokenScopes.FeedClinical})");

    /// <summary>
    /// The query cut to the token: a clinical payload asked without <c>feed.clinical</c> is refused naming <c>scope</c>; the
    /// clinics are those asked when each is one of the caller's <paramref name="clinics"/> (else refused naming
    /// <paramref name="clinicsField"/>), or, none asked, all of the caller's.
    /// </summary>
    /// <exception cref="NotGrantedException">The payload asked for is beyond the token's feed scope.</exception>
    /// <exception cref="AccessRefusedException">A clinic asked for is not the caller's, or the caller has none.</exception>
    public static FeedQuery BoundBy(this FeedQuery query, ClaimsPrincipal user, ClinicScope clinics, string clinicsField = "clinics")
    {
        if (query.Scope > Granted(user))
        {
            throw new NotGrantedException("scope", $"clinical values need the {TokenScopes.FeedClinical} scope; this token grants ids and stages only");
        }

        return query with { Clinics = clinics.Narrow(query.Clinics, clinicsField) };
    }
}
