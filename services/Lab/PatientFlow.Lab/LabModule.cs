using JasperFx.Events.Projections;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Lab.Integration;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Deadlines;
using PatientFlow.Lab.Patients;
using PatientFlow.Platform.Grpc;
using PatientFlow.Platform.Messaging;
using PatientFlow.Platform.Visits;

namespace PatientFlow.Lab;

public static class LabModule
{
    public const string Service = "lab";

    public static IHostApplicationBuilder AddLab(this IHostApplicationBuilder builder)
    {
        // Read at start so a broken catalog stops the service instead of misflagging results.
        builder.Services.AddSingleton(LabCatalog.FromConfiguration(builder.Configuration.GetSection("Lab:Catalog")));
        builder.Services.Configure<LabOptions>(builder.Configuration.GetSection("Lab"));
        builder.Services.AddSingleton<LabSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LabSweeper>());
        builder.AddPatientFlowGrpcClient<PatientDirectory.PatientDirectoryClient>(PatientDirectoryClient.Scheduling);
        builder.Services.AddScoped<IPatientDirectory, PatientDirectoryClient>();
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Decisions rebuild the order from its events, never from a read model.
                options.Projections.LiveStreamAggregation<LabOrder>();
                // Written with the events so a command's response shows its own effect.
                options.Projections.Snapshot<LabOrderDetails>(SnapshotLifecycle.Inline);
                options.Schema.For<LabOrderDetails>()
                    .Index(order => order.VisitId).Index(order => order.OrderedAt).Index(order => order.NextDeadline)
                    .Index(order => order.AwaitsCriticalAcknowledgement);
                options.Schema.For<SpecimenAccession>();
                options.Schema.For<Visit>();
            })
            .AddIntegrationEventRelay<LabEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(LabModule).Assembly, typeof(VisitBookedConsumer));
        return builder;
    }
}
