using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.CheckingIn;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Appointments.WalkIns;

/// <summary>A patient seen without an appointment: the visit is created at arrival, already checked in.</summary>
public sealed record WalkIn(
    Guid PatientId, Guid ProviderId, string VisitType, DateTimeOffset? ArrivedAt = null, bool DemographicsConfirmed = false, bool InsuranceConfirmed = false);

public static class WalkInDecider
{
    /// <summary>POST /appointments/walk-ins: a patient with no booking is seen today; the visit starts checked in.</summary>
    public static async Task<Created<AppointmentDetails>> Handle(
        WalkIn command, AppointmentCommands commands, IQuerySession query, ClinicScope scope, CancellationToken ct)
    {
        await ProviderDetails.LoadInScopeAsync(query, scope, command.ProviderId, ct);
        var visitId = Guid.CreateVersion7();
        return await commands.StartLockingAsync(visitId, $"/api/scheduling/appointments/{visitId}", async (session, _, now) =>
        {
            var patient = await PatientDetails.LoadAsync(session, command.PatientId, ct);
            var type = await AppointmentTypeDetails.LoadAsync(session, command.VisitType, "visitType", ct);
            var provider = await session.Events.AggregateStreamAsync<Provider>(command.ProviderId, token: ct) ?? throw Provider.NotFound(command.ProviderId);
            var locks = await ScheduleLocks.AcquireAsync(session, [], [command.PatientId], [], ct);
            var events = Decide(visitId, provider, locks.Patient(command.PatientId), patient, type, command, now);
            locks.Append(Hold((AppointmentBooked)events[0]));
            return events;
        });
    }

    /// <summary>
    /// The visit runs from arrival for the type's duration on no slot. The patient must not hold another
    /// appointment over that time (they would be checked in to that one instead).
    /// </summary>
    public static IReadOnlyList<object> Decide(
        Guid visitId, Provider provider, PatientSchedule schedule, PatientDetails patient, AppointmentTypeDetails type, WalkIn command, DateTimeOffset now)
    {
        var arrivedAt = CheckInDecider.Confirmed(new CheckIn(command.ArrivedAt, command.DemographicsConfirmed, command.InsuranceConfirmed), now);
        var endsAt = arrivedAt + type.Duration;
        schedule.EnsureFree(arrivedAt, endsAt, visitId);
        return
        [
            new AppointmentBooked(visitId, patient.PatientId, provider.Id, Guid.Empty, provider.Clinic, arrivedAt, endsAt, type.Code, now, BookingChannels.WalkIn, []),
            new PatientCheckedIn(visitId, patient.PatientId, provider.Id, provider.Clinic, arrivedAt, true, patient.InsuranceMemberId, patient.InsurancePayer, WalkIn: true),
        ];
    }

    public static PatientAppointmentHeld Hold(AppointmentBooked booked) =>
        new(booked.PatientId, booked.AppointmentId, booked.ProviderId, booked.StartsAt, booked.EndsAt);
}
