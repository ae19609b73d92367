using JasperFx.Events.Projections;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Intake.Integration;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Messaging;

namespace PatientFlow.Intake;

public static class IntakeModule
{
    public const string Service = "intake";

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Encounter streams are short: the decision state is rebuilt from events on every command.
                options.Projections.LiveStreamAggregation<Encounter>();
                // The read model is written with the events so a command's response shows its own effect.
                options.Projections.Snapshot<EncounterDetails>(SnapshotLifecycle.Inline);
            })
            .AddIntegrationEventRelay<IntakeEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(PatientCheckedInConsumer));
        return builder;
    }
}
