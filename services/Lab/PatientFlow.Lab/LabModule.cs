using JasperFx.Events.Projections;
using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Integration;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Lab.Visits;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Messaging;

namespace PatientFlow.Lab;

public static class LabModule
{
    public const string Service = "lab";

    public static IHostApplicationBuilder AddLab(this IHostApplicationBuilder builder)
    {
        // Read at start so a broken catalog stops the service instead of misflagging results.
        builder.Services.AddSingleton(LabCatalog.FromConfiguration(builder.Configuration.GetSection("Lab:Catalog")));
        builder.AddPatientFlowMarten(Service, options =>
            {
                // An order stream is two events at most: decisions rebuild it from events, never from a read model.
                options.Projections.LiveStreamAggregation<LabOrder>();
                // Written with the events so a command's response shows its own effect.
                options.Projections.Snapshot<LabOrderDetails>(SnapshotLifecycle.Inline);
                options.Schema.For<LabOrderDetails>().Index(order => order.VisitId);
                options.Schema.For<Visit>();
            })
            .AddIntegrationEventRelay<LabEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(AppointmentBookedConsumer));
        return builder;
    }
}
