using JasperFx.Events.Projections;
using Marten;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>The FHIR API's services and what it keeps in tracking's store: the resource links, and journeys found by patient.</summary>
public static class FhirRegistration
{
    public static IHostApplicationBuilder AddFhirApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FhirReader>();
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.Add(new FhirLinkProjection(), ProjectionLifecycle.Async);
            options.Schema.For<FhirResourceLink>();
            // A patient search (and a Coverage read) starts from the patient's visits.
            options.Schema.For<VisitJourney>().Index(journey => journey.PatientId);
        });
        return builder;
    }
}
