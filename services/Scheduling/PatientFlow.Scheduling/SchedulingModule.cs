using JasperFx.Events.Projections;
using PatientFlow.Platform.Grpc;
using PatientFlow.Platform.Messaging;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.Sweeping;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Integration;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Scheduling.Waitlist;

namespace PatientFlow.Scheduling;

public static class SchedulingModule
{
    public const string Service = "scheduling";

    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection("Scheduling"));
        builder.Services.AddSingleton<AppointmentSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AppointmentSweeper>());
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Decisions rebuild their state from the stream, so the version they decide on is the
                // version the append is checked against.
                options.Projections.LiveStreamAggregation<Provider>();
                options.Projections.LiveStreamAggregation<Appointment>();
                options.Projections.LiveStreamAggregation<PatientSchedule>();
                options.Projections.LiveStreamAggregation<Resource>();
                // Read models are written in the same transaction as the events they show.
                options.Projections.Snapshot<PatientDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ProviderDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<AppointmentDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ClinicDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ResourceDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<AppointmentTypeDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<WaitlistEntryDetails>(SnapshotLifecycle.Inline);
                // Schema evolution: the current booking shape has its own stored name, the first one is upcast on read.
                options.Events.MapEventType<AppointmentBooked>(AppointmentBookedV1.CurrentStoredName);
                options.Events.Upcast<AppointmentBookedV1, AppointmentBooked>(AppointmentBookedV1.StoredName, v1 => v1.Upcast());
                // One patient per MRN, and one unflagged patient per name and birth date, enforced by the database.
                options.Schema.For<MrnRegistration>().Identity(m => m.Mrn);
                options.Schema.For<IdentityRegistration>().Identity(m => m.Key);
                // The queries the front desk and the sweeper run all day.
                options.Schema.For<AppointmentDetails>().Index(a => a.PatientId).Index(a => a.ProviderId).Index(a => a.StartsAt).Index(a => a.Status);
                options.Schema.For<PatientDetails>().Index(p => p.DateOfBirth);
                options.Schema.For<ProviderDetails>().Index(p => p.Clinic);
                options.Schema.For<WaitlistEntryDetails>().Index(e => e.Status);
            })
            .AddIntegrationEventRelay<SchedulingEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(SchedulingModule).Assembly);
        builder.AddPatientFlowGrpcServer();
        return builder;
    }
}
