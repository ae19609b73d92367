using JasperFx.Events.Projections;
using PatientFlow.Platform.EventStore;
using PatientFlow.Platform.Grpc;
using PatientFlow.Platform.Messaging;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Access;
using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Bottlenecks;
using PatientFlow.Tracking.Integration;
using PatientFlow.Tracking.Integrators.Dapr;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Integrators.Fhir;
using PatientFlow.Tracking.Integrators.Hl7;
using PatientFlow.Tracking.Integrators.Webhooks;
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
            options.Schema.For<VisitJourney>()
                .Index(journey => journey.Clinic)
                .Index(journey => journey.ActiveFrom)
                .Index(journey => journey.ActiveUntil);
            options.Schema.For<FeedCursor>();
            options.Schema.For<WebhookSubscription>().Index(subscription => subscription.CreatedBy);
            options.Schema.For<DataProtectionKey>();
            options.Schema.For<WebhookDelivery>().Index(delivery => delivery.Status).Index(delivery => delivery.SubscriptionId);
        }).AddSubscriptionWithServices<FeedSubscription>(ServiceLifetime.Singleton);
        // Tracking's one consumer is generic: closed here for every visit event.
        builder.AddPatientFlowMessaging(Service, typeof(TrackingModule).Assembly, JourneyConsumers());
        // A request for more than the token grants is a 403 naming the field (Access/).
        builder.Services.AddSingleton<IExceptionProblems, GrantProblems>();
        builder.AddLiveBoard();
        builder.AddIntegratorFeed();
        builder.AddFhirApi();
        builder.AddHl7Feed();
        builder.AddDaprFeed();
        return builder;
    }

    /// <summary>The board in memory, fed by journey notifications, with its thresholds checked at start.</summary>
    private static void AddLiveBoard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BoardOptions>()
            .Bind(builder.Configuration.GetSection(BoardOptions.Section))
            .Validate(options => options.Problems().Count == 0, "Tracking:Board settings are not usable")
            .ValidateOnStart();
        builder.Services.AddSingleton(new BoardClock(builder.Configuration.GetValue("PatientFlow:Clock:Speed", 1.0)));
        builder.Services.AddSingleton<LiveBoard>();
        builder.Services.AddHostedService<BoardListener>();
        builder.Services.AddSingleton<BoardMetrics>();
        builder.Services.AddOptions<BottleneckOptions>().Bind(builder.Configuration.GetSection(BottleneckOptions.Section));
        builder.Services.AddSingleton<BottleneckMonitor>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<BottleneckMonitor>());
    }

    /// <summary>The journey log as the integrators' feed: read in order, followed live, served over HTTP and gRPC.</summary>
    private static void AddIntegratorFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedReader>();
        builder.Services.AddSingleton<FeedHub>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<FeedHub>());
        builder.Services.AddSingleton<FeedLog>();
        builder.AddPatientFlowGrpcServer();
        builder.Services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        WebhookSecrets.Configure(builder.Services, builder.Configuration, builder.Environment);
        WebhookSender.Configure(builder.Services);
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService<WebhookWorker>();
    }

    /// <summary>One consumer per contract: a new contract reaches the journey without code here.</summary>
    private static Type[] JourneyConsumers() => PlatformTopology.AllIntegrationEvents
        // A journey needs a visit; an event about no visit has no place in one.
        .Where(type => type.IsAssignableTo(typeof(IVisitEvent)))
        .Select(type => typeof(JourneyConsumer<>).MakeGenericType(type))
        .ToArray();
}
