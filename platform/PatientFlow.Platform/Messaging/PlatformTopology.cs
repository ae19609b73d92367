using PatientFlow.Contracts;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Platform.Messaging;

/// <summary>
/// Which integration events each service's queue receives. Every service deploys this whole map
/// before its relay publishes anything, so no event is published to an exchange whose subscribers'
/// queues are not bound yet (RabbitMQ drops such messages). A consumer for an event that is not
/// listed here fails the service at start.
/// </summary>
public static class PlatformTopology
{
    public static readonly IReadOnlyList<Type> AllIntegrationEvents = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Type>> Subscriptions =
        new Dictionary<string, IReadOnlyList<Type>>
        {
            ["scheduling"] = [],
            ["intake"] = [typeof(PatientCheckedIn)],
            ["lab"] = [typeof(AppointmentBooked)],
            ["referral"] = [typeof(AppointmentBooked), typeof(NoShowRecorded), typeof(AppointmentCancelled)],
            ["billing"] = [typeof(AppointmentBooked), typeof(PatientCheckedIn), typeof(EncounterCompleted), typeof(LabOrderPlaced), typeof(LabOrderCancelled), typeof(LabResultRecorded), typeof(PatientCheckedOut)],
            // Tracking keeps visit journeys: it takes every event of a visit, not patient or waitlist events.
            ["tracking"] = [.. AllIntegrationEvents.Where(type => typeof(IVisitEvent).IsAssignableFrom(type))],
        };

    /// <summary>The queue a service consumes from: its own name.</summary>
    public static string QueueFor(string service) => service;

    /// <summary>Where MassTransit moves a message whose handling still fails after every retry.</summary>
    public static string ErrorQueueFor(string service) => $"{service}_error";

    /// <summary>
    /// Where RabbitMQ dead-letters a message from the service queue that was delivered too often
    /// without being settled (a consumer that crashes on it every time). The queue's exchange has the same name.
    /// </summary>
    public static string DeadLetterQueueFor(string service) => $"{service}_dead-letter";

    /// <summary>Redeliveries after which RabbitMQ dead-letters a message instead of handing it out again.</summary>
    public const int DeliveryLimit = 20;
}
