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
        waitlist.MapPost("/", JoinWaitlistDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        waitlist.MapGet("/", WaitlistQueries.List).RequireAuthorization(AccessPolicies.AppointmentView);

        waitlist.MapGet("/{entryId:guid}", WaitlistQueries.Get).RequireAuthorization(AccessPolicies.AppointmentView)
            .RequireClinicOf("entryId", RecordClinics.WaitlistEntryAsync, WaitlistEntryDetails.NotFound);
        var entry = waitlist.MapGroup("/{entryId:guid}").RequireClinicOf("entryId", RecordClinics.WaitlistEntryAsync, WaitlistEntryDetails.NotFound);
        entry.MapPost("/acceptance", AcceptOfferDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        entry.MapPost("/declination", EndOfferDecider.HandleDecline).RequireAuthorization(AccessPolicies.Booking);
        entry.MapPost("/withdrawal", WithdrawFromWaitlistDecider.Handle).RequireAuthorization(AccessPolicies.Booking);
        return app;
    }
}
