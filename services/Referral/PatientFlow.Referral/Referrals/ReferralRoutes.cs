using PatientFlow.Referral.Referrals.Authorizing;
using PatientFlow.Referral.Referrals.ClosingTheLoop;
using PatientFlow.Referral.Referrals.Creating;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.Referral.Referrals.Scheduling;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Referral.Referrals;

/// <summary>The referral's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class ReferralRoutes
{
    public static IEndpointRouteBuilder MapReferralRoutes(this IEndpointRouteBuilder app)
    {
        var referral = app.MapGroup("/api/referral").RequireAuthorization(AccessPolicies.Referral).WithTags("Referrals");
        referral.MapPost("/referrals", CreateReferralDecider.Handle);
        referral.MapGet("/referrals", ReferralQueries.ListOpen);
        referral.MapGet("/referrals/{referralId:guid}", ReferralQueries.Get);
        referral.MapPost("/referrals/{referralId:guid}/authorization", AuthorizationDeciders.HandleRequest);
        referral.MapPost("/referrals/{referralId:guid}/authorization/approval", AuthorizationDeciders.HandleApprove);
        referral.MapPost("/referrals/{referralId:guid}/authorization/denial", AuthorizationDeciders.HandleDeny);
        referral.MapPost("/referrals/{referralId:guid}/authorization/appeal", AuthorizationDeciders.HandleAppeal);
        referral.MapGet("/referrals/{referralId:guid}/slots", SchedulingDeciders.FindSlots);
        referral.MapPost("/referrals/{referralId:guid}/booking", SchedulingDeciders.HandleBookInNetwork);
        referral.MapPost("/referrals/{referralId:guid}/external-booking", SchedulingDeciders.HandleBookedExternally);
        referral.MapPost("/referrals/{referralId:guid}/missed-appointment", LoopDeciders.HandleMissed);
        referral.MapPost("/referrals/{referralId:guid}/report", LoopDeciders.HandleReport);
        referral.MapPost("/referrals/{referralId:guid}/cancellation", LoopDeciders.HandleCancel);
        referral.MapGet("/visits/{visitId:guid}/referrals", ReferralQueries.ForVisit);
        referral.MapGet("/patients/{patientId:guid}/referrals", ReferralQueries.ForPatient);
        return app;
    }
}
