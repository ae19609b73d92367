using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.ServiceDefaults.Messaging;
using Contract = PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Scheduling.Integration;

/// <summary>Publishes the visit's front-desk milestones; patient and provider events stay inside scheduling.</summary>
public sealed class SchedulingEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        AppointmentBooked booked => new Contract.AppointmentBooked(
            committed.Id, booked.AppointmentId, booked.PatientId, booked.BookedAt, committed.Timestamp,
            booked.ProviderId, booked.SlotId, booked.Clinic, booked.StartsAt, booked.EndsAt, booked.VisitType),
        PatientCheckedIn checkedIn => new Contract.PatientCheckedIn(
            committed.Id, checkedIn.AppointmentId, checkedIn.PatientId, checkedIn.ArrivedAt, committed.Timestamp,
            checkedIn.ProviderId, checkedIn.Clinic),
        PatientCheckedOut checkedOut => new Contract.PatientCheckedOut(
            committed.Id, checkedOut.AppointmentId, checkedOut.PatientId, checkedOut.DepartedAt, committed.Timestamp),
        ArrivalTimeCorrected corrected => new Contract.ArrivalTimeCorrected(
            committed.Id, corrected.AppointmentId, corrected.PatientId, corrected.ArrivedAt, committed.Timestamp,
            corrected.PreviousArrivedAt, corrected.Reason),
        _ => null,
    };
}
