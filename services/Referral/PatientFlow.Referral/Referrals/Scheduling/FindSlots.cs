using Microsoft.AspNetCore.Mvc;
using PatientFlow.Referral.Referrals.Authorizing;

namespace PatientFlow.Referral.Referrals.Scheduling;

public static class FindSlotsQuery
{
    /// <summary>GET /referrals/{referralId}/slots: free in-network slots of the referral's specialty on a clinic day, from scheduling over gRPC.</summary>
    public static async Task<Ok<IReadOnlyList<SlotOffer>>> Handle(
        Guid referralId, [FromQuery] DateOnly? date, [FromQuery] string? clinic, IQuerySession session, SchedulingClient scheduling, HttpContext http,
        CancellationToken ct)
    {
        var referral = await ReferralDetails.LoadAsync(session, referralId, ct);
        var day = date ?? throw new InvalidFieldException("date", "is required, e.g. 2026-03-04");
        return TypedResults.Ok(await scheduling.FindFreeSlotsAsync(referral.Specialty, clinic, day, http.Request.Headers.Authorization, ct));
    }
}
