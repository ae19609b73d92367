using JasperFx.Events.Projections;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Integration;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Messaging;

using PatientFlow.Billing.Coverage;

namespace PatientFlow.Billing;

public static class BillingModule
{
    public const string Service = "billing";

    public static IHostApplicationBuilder AddBilling(this IHostApplicationBuilder builder)
    {
        // Read at start so a broken fee schedule stops the service instead of mispricing visits.
        builder.Services.AddSingleton(FeeSchedule.FromConfiguration(builder.Configuration.GetSection("Billing")));
        builder.Services.AddSingleton<IPayerEligibility, PayerSimulator>();
        builder.AddPatientFlowMarten(Service, options =>
            {
                // A patient's coverages and eligibility answers: a short stream, folded on each decision.
                options.Projections.LiveStreamAggregation<PatientCoverage>();
                // The account is rebuilt from its (short) stream on every read. An inline snapshot was
                // tried and lost updates under concurrent consumers: FetchForWriting read the stored
                // document and the stream version separately, so a commit between them passed the
                // version check with stale state. Live aggregation reads both from the same events.
                options.Projections.LiveStreamAggregation<BillingAccount>();
                // The claim is written with its event, so it is visible the moment it exists.
                options.Projections.Snapshot<ClaimDetails>(SnapshotLifecycle.Inline);
            })
            .AddIntegrationEventRelay<BillingEventRelay>();
        builder.AddPatientFlowMessaging(
            Service,
            typeof(AppointmentBookedConsumer),
            typeof(EncounterCompletedConsumer),
            typeof(LabResultRecordedConsumer),
            typeof(PatientCheckedOutConsumer));
        return builder;
    }
}
