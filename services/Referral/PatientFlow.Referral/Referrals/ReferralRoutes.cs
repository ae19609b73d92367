using PatientFlow.Platform.Audit;
using PatientFlow.Platform.Visits;
using PatientFlow.Referral.Referrals.Authorizing;
using PatientFlow.Referral.Referrals.ClosingTheLoop;
using PatientFlow.Referral.Referrals.Creating;
using PatientFlow.Referral.Referrals.Scheduling;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Referral.Referrals;

/// <summary>The referral's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class ReferralRoutes
{
    public static IEndpointRouteBuilder MapReferralRoutes(this IEndpointRouteBuilder app)
    {
        var referral = app.MapGroup("/api/referral").RequireAuthorization(AccessPolicies.Referral).WithTags("Referrals");
        referral.Audited("referral");
        referral.MapPost("/referrals", CreateReferralDecider.Handle).RequireAuthorization(AccessPolicies.ReferralOrdering);
        referral.MapGet("/referrals", ReferralQueries.ListOpen).RequireAuthorization(AccessPolicies.ReferralView);

        referral.MapGet("/referrals/{referralId:guid}", ReferralQueries.Get).RequireAuthorization(AccessPolicies.ReferralView)
            .RequireClinicOf("referralId", ReferralClinic, Referral.NotFound);
        var one = referral.MapGroup("/referrals/{referralId:guid}").RequireClinicOf("referralId", ReferralClinic, Referral.NotFound);
        one.MapPost("/authorization", RequestAuthorizationDecider.Handle).RequireAuthorization(AccessPolicies.ReferralCoordination);
        one.MapPost("/authorization/approval", ApproveAuthorizationDecider.Handle).RequireAuthorization(AccessPolicies.AuthorizationDecision);
        one.MapPost("/authorization/denial", DenyAuthorizationDecider.Handle).RequireAuthorization(AccessPolicies.AuthorizationDecision);
        one.MapPost("/authorization/appeal", AppealDenialDecider.Handle).RequireAuthorization(AccessPolicies.AuthorizationDecision);
        one.MapGet("/slots", FindSlotsQuery.Handle).RequireAuthorization(AccessPolicies.ReferralView);
        one.MapPost("/booking", BookInNetworkDecider.Handle).RequireAuthorization(AccessPolicies.ReferralCoordination);
        one.MapPost("/external-booking", RecordExternalBookingDecider.Handle).RequireAuthorization(AccessPolicies.ReferralCoordination);
        one.MapPost("/missed-appointment", RecordMissedAppointmentDecider.Handle).RequireAuthorization(AccessPolicies.ReferralCoordination);
        one.MapPost("/report", ReceiveReportDecider.Handle).RequireAuthorization(AccessPolicies.LoopClosure);
        one.MapPost("/cancellation", CancelReferralDecider.Handle).RequireAuthorization(AccessPolicies.ReferralCoordination);

        referral.MapGet("/visits/{visitId:guid}/referrals", ReferralQueries.ForVisit).RequireAuthorization(AccessPolicies.ReferralView)
            .RequireClinicOf("visitId", Visit.ClinicOfAsync, Visit.NotFound);
        referral.MapGet("/patients/{patientId:guid}/referrals", ReferralQueries.ForPatient).RequireAuthorization(AccessPolicies.ReferralView);
        return app;
    }

    /// <summary>A referral is its visit's clinic's.</summary>
    private static async Task<RecordClinic?> ReferralClinic(IQuerySession session, Guid referralId, CancellationToken ct) =>
        await session.LoadAsync<ReferralDetails>(referralId, ct) is { } referral ? await Visit.ClinicOfAsync(session, referral.VisitId, ct) : null;
}
