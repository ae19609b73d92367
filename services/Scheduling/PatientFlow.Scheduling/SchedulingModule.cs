using JasperFx.Events.Projections;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Integration;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.EventStore;
using PatientFlow.ServiceDefaults.Messaging;

namespace PatientFlow.Scheduling;

public static class SchedulingModule
{
    public const string Service = "scheduling";

    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.AddPatientFlowMarten(Service, options =>
            {
                // Decisions rebuild their state from the stream, so the version they decide on is the
                // version the append is checked against.
                options.Projections.LiveStreamAggregation<Provider>();
                options.Projections.LiveStreamAggregation<Appointment>();
                // Read models are written in the same transaction as the events they show.
                options.Projections.Snapshot<PatientDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ProviderDetails>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<AppointmentDetails>(SnapshotLifecycle.Inline);
                // Schema evolution: the current booking shape has its own stored name, the first one is upcast on read.
                options.Events.MapEventType<AppointmentBooked>(AppointmentBookedV1.CurrentStoredName);
                options.Events.Upcast<AppointmentBookedV1, AppointmentBooked>(AppointmentBookedV1.StoredName, v1 => v1.Upcast());
                // One patient per MRN, enforced by the database even when two registrations race.
                options.Schema.For<MrnRegistration>().Identity(m => m.Mrn);
            })
            .AddIntegrationEventRelay<SchedulingEventRelay>();
        builder.AddPatientFlowMessaging(Service);
        return builder;
    }
}
