using PatientFlow.Platform.Audit;
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
        referral.MapPost("/referrals", CreateReferralDecider.Handle);
        referral.MapGet("/referrals", ReferralQueries.ListOpen);
        referral.MapGet("/referrals/{referralId:guid}", ReferralQueries.Get);
        referral.MapPost("/referrals/{referralId:guid}/authorization", RequestAuthorizationDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/authorization/approval", ApproveAuthorizationDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/authorization/denial", DenyAuthorizationDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/authorization/appeal", AppealDenialDecider.Handle);
        referral.MapGet("/referrals/{referralId:guid}/slots", FindSlotsQuery.Handle);
        referral.MapPost("/referrals/{referralId:guid}/booking", BookInNetworkDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/external-booking", RecordExternalBookingDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/missed-appointment", RecordMissedAppointmentDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/report", ReceiveReportDecider.Handle);
        referral.MapPost("/referrals/{referralId:guid}/cancellation", CancelReferralDecider.Handle);
        referral.MapGet("/visits/{visitId:guid}/referrals", ReferralQueries.ForVisit);
        referral.MapGet("/patients/{patientId:guid}/referrals", ReferralQueries.ForPatient);
        return app;
    }
}
