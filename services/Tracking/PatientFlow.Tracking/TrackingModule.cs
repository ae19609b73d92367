using JasperFx.Events.Projections;
using PatientFlow.Contracts;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Messaging;
using PatientFlow.Tracking.Integration;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking;

public static class TrackingModule
{
    public const string Service = "tracking";

    public static IHostApplicationBuilder AddTracking(this IHostApplicationBuilder builder)
    {
        // Tracking publishes nothing: no relay. Its journey streams are the integrators' replay log.
        builder.AddPatientFlowMarten(Service, options =>
        {
            // Async: the daemon applies each visit's steps one after another in the log's order,
            // however many consumers appended to the same visit at once.
            options.Projections.Snapshot<VisitJourney>(SnapshotLifecycle.Async);
            options.Schema.For<VisitJourney>().Index(journey => journey.Clinic);
        });
        builder.AddPatientFlowMessaging(Service, JourneyConsumers());
        return builder;
    }

    /// <summary>One consumer per contract: a new contract reaches the journey without code here.</summary>
    private static Type[] JourneyConsumers() => PlatformTopology.AllIntegrationEvents
        // A journey needs a visit; an event about no visit has no place in one.
        .Where(type => type.IsAssignableTo(typeof(IVisitEvent)))
        .Select(type => typeof(JourneyConsumer<>).MakeGenericType(type))
        .ToArray();
}
