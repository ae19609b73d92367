using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Platform.EventStore;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals;

/// <summary>
/// Every command on an existing referral, on the shared <see cref="StreamCommands"/> path; the decision is told who is signed in
/// and when, and the answer is the referral after it.
/// </summary>
public sealed class ReferralCommands(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock, ILogger<ReferralDetails> logger)
{
    public Task<Ok<ReferralDetails>> DecideAsync(Guid referralId, string what, Func<Referral, string, DateTimeOffset, IReadOnlyList<object>> decide) =>
        DecideAsync(referralId, what, (referral, who, now) => Task.FromResult(decide(referral, who, now)));

    /// <summary>For a decision that waits for another service (a booking in scheduling).</summary>
    public async Task<Ok<ReferralDetails>> DecideAsync(Guid referralId, string what, Func<Referral, string, DateTimeOffset, Task<IReadOnlyList<object>>> decide)
    {
        var context = http.HttpContext!;
        var ct = context.RequestAborted;
        var (referral, _) = await session.DecideAsync<Referral>(
            referralId, context, referral => decide(referral, Who(context), clock.GetUtcNow()), () => UnknownReferral(referralId), ct);
        logger.LogInformation("Referral {ReferralId} from visit {VisitId}: {What}", referralId, referral.VisitId, what);
        return TypedResults.Ok(await ReferralDetails.LoadAsync(session, referralId, ct));
    }

    /// <summary>The signed-in user (token subject).</summary>
    public static string Who(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    public static NotFoundException UnknownReferral(Guid referralId) => new($"referral {referralId} not found");
}
