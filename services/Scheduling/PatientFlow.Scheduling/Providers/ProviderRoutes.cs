using PatientFlow.Platform.Audit;
using PatientFlow.Scheduling.Providers.BlockingTime;
using PatientFlow.Scheduling.Providers.Creating;
using PatientFlow.Scheduling.Providers.FindingSlots;
using PatientFlow.Scheduling.Providers.GeneratingSlots;
using PatientFlow.Scheduling.Providers.GettingDay;
using PatientFlow.Scheduling.Providers.GettingDetails;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.Scheduling.Providers.Templates;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Providers;

/// <summary>The provider's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class ProviderRoutes
{
    public static IEndpointRouteBuilder MapProviderRoutes(this IEndpointRouteBuilder app)
    {
        var providers = app.MapGroup("/api/scheduling/providers").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Providers and slots");
        providers.HoldsNoPhi();
        providers.MapPost("/", CreateProviderDecider.Handle).RequireAuthorization(AccessPolicies.ProviderSchedules);
        providers.MapGet("/", ProviderQueries.List).RequireAuthorization(AccessPolicies.ScheduleView);

        providers.MapGet("/{providerId:guid}", ProviderQueries.Get).RequireAuthorization(AccessPolicies.ScheduleView)
            .RequireClinicOf("providerId", RecordClinics.ProviderAsync, Provider.NotFound);
        var provider = providers.MapGroup("/{providerId:guid}").RequireClinicOf("providerId", RecordClinics.ProviderAsync, Provider.NotFound);
        provider.MapPost("/slots", OpenSlotsDecider.Handle).RequireAuthorization(AccessPolicies.ProviderSchedules);
        provider.MapGet("/slots", ProviderQueries.Slots).RequireAuthorization(AccessPolicies.ScheduleView);
        provider.MapPut("/template", SetWeeklyTemplateDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);
        provider.MapPost("/template/generation", GenerateSlotsDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);
        provider.MapPost("/blocks", BlockTimeDecider.Handle).RequireAuthorization(AccessPolicies.ProviderSchedules);
        // The day's appointments name patients by id: the desk's and clinicians' view, not operations'.
        provider.MapGet("/days/{date}", ProviderDay.Get).RequireAuthorization(AccessPolicies.AppointmentView).Audited("provider-day");
        app.MapGroup("/api/scheduling/slots").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Providers and slots")
            .MapGet("/free", FreeSlots.Handle).RequireAuthorization(AccessPolicies.ScheduleView).HoldsNoPhi();
        return app;
    }
}
