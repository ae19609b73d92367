using Microsoft.Extensions.Options;
using PatientFlow.Platform.Time;
using PatientFlow.Scheduling.Patients;

namespace PatientFlow.Scheduling.Appointments.CheckingIn;

/// <summary>
/// The patient arrived. The clerk confirms with the patient that the demographics and the insurance on
/// file (or self-pay, when none is on file) are current; anything wrong is corrected on the patient first.
/// <see cref="ArrivedAt"/> back-dates an arrival entered late.
/// </summary>
public sealed record CheckIn(DateTimeOffset? ArrivedAt = null, bool DemographicsConfirmed = false, bool InsuranceConfirmed = false);

public static class CheckInDecider
{
    /// <summary>POST /appointments/{id}/check-in</summary>
    public static Task<Ok<AppointmentDetails>> Handle(
        Guid appointmentId, CheckIn command, AppointmentCommands commands, IQuerySession session, IOptions<SchedulingOptions> options, CancellationToken ct) =>
        commands.DecideAsync(appointmentId, async (appointment, now) =>
            Decide(appointment, await PatientDetails.LoadAsync(session, appointment.PatientId, ct), command, options.Value.LateAfter, now));

    /// <summary>
    /// A booked appointment, or one already marked no-show when the patient turns up after the grace
    /// period, is checked in; arriving more than <paramref name="lateAfter"/> after the start is flagged late.
    /// </summary>
    public static IReadOnlyList<object> Decide(Appointment appointment, PatientDetails patient, CheckIn command, TimeSpan lateAfter, DateTimeOffset now)
    {
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.NoShow))
        {
            appointment.EnsureStatus(AppointmentStatus.Booked, "check in");
        }

        var arrivedAt = Confirmed(command, now);
        var checkedIn = new PatientCheckedIn(
            appointment.Id, appointment.PatientId, appointment.ProviderId, appointment.Clinic, arrivedAt,
            DemographicsConfirmed: true, patient.InsuranceMemberId, patient.InsurancePayer);
        var minutesLate = (int)Math.Floor((arrivedAt - appointment.StartsAt).TotalMinutes);
        return appointment.StartsAt != default && arrivedAt - appointment.StartsAt > lateAfter
            ? [checkedIn, new LateArrivalFlagged(appointment.Id, appointment.PatientId, appointment.StartsAt, arrivedAt, minutesLate)]
            : [checkedIn];
    }

    /// <summary>Both confirmations are required (422 naming the one missing); the arrival time, when given, is not in the future.</summary>
    public static DateTimeOffset Confirmed(CheckIn command, DateTimeOffset now)
    {
        if (!command.DemographicsConfirmed)
        {
            throw new InvalidFieldException("demographicsConfirmed", "confirm the patient's name, birth date and contact details with the patient");
        }

        if (!command.InsuranceConfirmed)
        {
            throw new InvalidFieldException("insuranceConfirmed", "confirm the insurance on file (or self-pay) with the patient");
        }

        return ClinicTime.Resolve("arrivedAt", command.ArrivedAt, now);
    }
}
