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
        providers.MapPost("/", CreateProviderDecider.Handle);
        providers.MapGet("/", ProviderQueries.List);
        providers.MapGet("/{providerId:guid}", ProviderQueries.Get);
        providers.MapPost("/{providerId:guid}/slots", OpenSlotsDecider.Handle);
        providers.MapGet("/{providerId:guid}/slots", ProviderQueries.Slots);
        providers.MapPut("/{providerId:guid}/template", SetWeeklyTemplateDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);
        providers.MapPost("/{providerId:guid}/template/generation", GenerateSlotsDecider.Handle).RequireAuthorization(AccessPolicies.SchedulingSetup);
        providers.MapPost("/{providerId:guid}/blocks", BlockTimeDecider.Handle);
        providers.MapGet("/{providerId:guid}/days/{date}", ProviderDay.Get).Audited("provider-day");
        app.MapGroup("/api/scheduling/slots").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Providers and slots").MapGet("/free", FreeSlots.Handle).HoldsNoPhi();
        return app;
    }
}
