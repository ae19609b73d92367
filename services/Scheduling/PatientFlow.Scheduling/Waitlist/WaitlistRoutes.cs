using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Waitlist.Joining;
using PatientFlow.Scheduling.Waitlist.Listing;
using PatientFlow.Scheduling.Waitlist.Offering;
using PatientFlow.Scheduling.Waitlist.Withdrawing;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Waitlist;

/// <summary>The waitlist's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class WaitlistRoutes
{
    public static IEndpointRouteBuilder MapWaitlistRoutes(this IEndpointRouteBuilder app)
    {
        var waitlist = app.MapGroup("/api/scheduling/waitlist").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Waitlist");
        waitlist.Audited("waitlist-entry");
        waitlist.MapPost("/", JoinWaitlistDecider.Handle);
        waitlist.MapGet("/", WaitlistQueries.List);
        waitlist.MapGet("/{entryId:guid}", WaitlistQueries.Get);
        waitlist.MapPost("/{entryId:guid}/acceptance", AcceptOfferDecider.Handle);
        waitlist.MapPost("/{entryId:guid}/declination", EndOfferDecider.HandleDecline);
        waitlist.MapPost("/{entryId:guid}/withdrawal", WithdrawFromWaitlistDecider.Handle);
        return app;
    }
}
