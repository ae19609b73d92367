using JasperFx.Events.Projections;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Platform.Grpc;
using PatientFlow.Platform.Messaging;
using PatientFlow.Platform.Visits;
using PatientFlow.Referral.Integration;
using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Referrals.Deadlines;
using PatientFlow.Referral.Referrals.Scheduling;

namespace PatientFlow.Referral;

public static class ReferralModule
{
    public const string Service = "referral";

    public static IHostApplicationBuilder AddReferral(this IHostApplicationBuilder builder)
    {
        // Read at start so a missing deadline stops the service instead of promising no date.
        builder.Services.AddSingleton(ReferralDeadlines.FromConfiguration(builder.Configuration.GetSection("Referral:Deadlines")));
        builder.Services.Configure<ReferralOptions>(builder.Configuration.GetSection("Referral"));
        builder.Services.AddSingleton<ReferralSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReferralSweeper>());
        builder.AddPatientFlowGrpcClient<ReferralScheduling.ReferralSchedulingClient>(SchedulingClient.Scheduling);
        builder.Services.AddScoped<SchedulingClient>();
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Decisions rebuild the referral from its events, never from a read model.
                options.Projections.LiveStreamAggregation<Referrals.Referral>();
                // Written with the events so the response is the stored referral.
                options.Projections.Snapshot<ReferralDetails>(SnapshotLifecycle.Inline);
                options.Schema.For<ReferralDetails>()
                    .Index(referral => referral.VisitId).Index(referral => referral.PatientId)
                    .Index(referral => referral.Status).Index(referral => referral.ScheduleBy);
                options.Schema.For<ReferralAppointment>();
                options.Schema.For<Visit>();
            })
            .AddIntegrationEventRelay<ReferralEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(ReferralModule).Assembly, typeof(VisitBookedConsumer));
        return builder;
    }
}
