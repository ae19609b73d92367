using Marten;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.ServiceDefaults.EventStore;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Referral.Referrals.Creating;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.Referral.Visits;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Referral.Referrals;

public static class ReferralEndpoints
{
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var referral = app.MapGroup("/api/referral").RequireAuthorization(AccessPolicies.Referral);
        referral.MapPost("/referrals", Create);
        referral.MapGet("/referrals/{referralId:guid}", GetReferral);
        referral.MapGet("/visits/{visitId:guid}/referrals", GetVisitReferrals);
        return app;
    }

    private static async Task<Created<ReferralDetails>> Create(
        CreateReferral command, IDocumentSession session, ReferralDeadlines deadlines, TimeProvider clock, HttpContext http,
        ILogger<ReferralDetails> logger, CancellationToken ct)
    {
        var visit = await LoadVisit(session, command.VisitId, ct);
        var referralId = Guid.CreateVersion7();
        var events = CreateReferralDecider.Decide(visit, command, deadlines, referralId, clock.GetUtcNow());
        session.Events.StartStream<ReferralDetails>(referralId, events);
        await session.SaveChangesAsync(ct);
        // A new stream's version is its number of events.
        StreamVersion.SetETag(http, events.Count);
        // Ids only: the reason is clinical text.
        logger.LogInformation("Referral {ReferralId} created from visit {VisitId}", referralId, visit.VisitId);
        return TypedResults.Created($"/api/referral/referrals/{referralId}", await LoadReferral(session, referralId, ct));
    }

    /// <summary>The referral now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<ReferralDetails>> GetReferral(
        Guid referralId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<ReferralDetails>(referralId, asOf, http, ct) ?? throw UnknownReferral(referralId));

    private static async Task<Ok<IReadOnlyList<ReferralDetails>>> GetVisitReferrals(Guid visitId, IQuerySession session, CancellationToken ct)
    {
        await LoadVisit(session, visitId, ct);
        var referrals = await session.Query<ReferralDetails>()
            .Where(referral => referral.VisitId == visitId)
            .OrderBy(referral => referral.CreatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(referrals);
    }

    private static async Task<Visit> LoadVisit(IQuerySession session, Guid visitId, CancellationToken ct) =>
        await session.LoadAsync<Visit>(visitId, ct) ?? throw new NotFoundException($"visit {visitId} is not known to referral");

    private static async Task<ReferralDetails> LoadReferral(IQuerySession session, Guid referralId, CancellationToken ct) =>
        await session.LoadAsync<ReferralDetails>(referralId, ct) ?? throw UnknownReferral(referralId);

    private static NotFoundException UnknownReferral(Guid referralId) => new($"referral {referralId} not found");
}
