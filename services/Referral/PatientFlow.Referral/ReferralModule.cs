using JasperFx.Events.Projections;
using PatientFlow.Referral.Integration;
using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.Referral.Visits;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Messaging;

namespace PatientFlow.Referral;

public static class ReferralModule
{
    public const string Service = "referral";

    public static IHostApplicationBuilder AddReferral(this IHostApplicationBuilder builder)
    {
        // Read at start so a missing deadline stops the service instead of promising no date.
        builder.Services.AddSingleton(ReferralDeadlines.FromConfiguration(builder.Configuration.GetSection("Referral:Deadlines")));
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Written with the event so the 201 response is the stored referral.
                options.Projections.Snapshot<ReferralDetails>(SnapshotLifecycle.Inline);
                options.Schema.For<ReferralDetails>().Index(referral => referral.VisitId);
                options.Schema.For<Visit>();
            })
            .AddIntegrationEventRelay<ReferralEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(AppointmentBookedConsumer));
        return builder;
    }
}
