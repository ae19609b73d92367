using JasperFx.Events.Projections;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.Ordering;
using PatientFlow.Intake.Integration;
using PatientFlow.Intake.Rooms;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Intake;

public static class IntakeModule
{
    public const string Service = "intake";

    // An order waits this long for the lab or referral service before the clinician is told to retry.
    private static readonly TimeSpan OrderTimeout = TimeSpan.FromSeconds(10);

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Encounter and room streams are short: the decision state is rebuilt from events on every command.
                options.Projections.LiveStreamAggregation<Encounter>();
                options.Projections.LiveStreamAggregation<Room>();
                // The read models are written with the events so a command's response shows its own effect.
                options.Projections.Snapshot<EncounterDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<RoomDetails>(SnapshotLifecycle.Inline);
            })
            .AddIntegrationEventRelay<IntakeEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(IntakeModule).Assembly);
        builder.Services.AddScoped<OrderingClients>();
        foreach (var service in new[] { OrderingClients.Lab, OrderingClients.Referral })
        {
            builder.Services.AddHttpClient(service, client =>
            {
                if (builder.Configuration[$"Services:{service}:Url"] is { Length: > 0 } url)
                {
                    client.BaseAddress = new Uri(url);
                }

                client.Timeout = OrderTimeout;
            });
        }

        return builder;
    }
}
