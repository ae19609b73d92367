using JasperFx.Events;
using PatientFlow.Contracts;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Waitlist;
using PatientFlow.Platform.Messaging;
using Contract = PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Scheduling.Integration;

/// <summary>
/// Publishes the visit's front-desk milestones, waitlist offers and patient registrations (ids only).
/// Provider, clinic, resource and slot bookkeeping stays inside scheduling.
/// </summary>
public sealed class SchedulingEventRelay : IIntegrationEventMapper
{
    public IIntegrationEvent? Map(IEvent committed) => committed.Data switch
    {
        AppointmentBooked booked => new Contract.AppointmentBooked(
            committed.Id, booked.AppointmentId, booked.PatientId, booked.BookedAt, committed.Timestamp,
            booked.ProviderId, booked.SlotId, booked.Clinic, booked.StartsAt, booked.EndsAt, booked.VisitType,
            booked.BookedVia, booked.Room, booked.Overbooked),
        AppointmentRescheduled moved => new Contract.AppointmentRescheduled(
            committed.Id, moved.AppointmentId, moved.PatientId, moved.RescheduledAt, committed.Timestamp,
            moved.ProviderId, moved.SlotId, moved.Clinic, moved.StartsAt, moved.EndsAt, moved.PreviousStartsAt, moved.Room),
        AppointmentCancelled cancelled => new Contract.AppointmentCancelled(
            committed.Id, cancelled.AppointmentId, cancelled.PatientId, cancelled.CancelledAt, committed.Timestamp, cancelled.ProviderId, cancelled.Reason),
        NoShowRecorded noShow => new Contract.NoShowRecorded(
            committed.Id, noShow.AppointmentId, noShow.PatientId, noShow.RecordedAt, committed.Timestamp, noShow.ProviderId, noShow.StartsAt),
        PatientCheckedIn checkedIn => new Contract.PatientCheckedIn(
            committed.Id, checkedIn.AppointmentId, checkedIn.PatientId, checkedIn.ArrivedAt, committed.Timestamp,
            checkedIn.ProviderId, checkedIn.Clinic, checkedIn.WalkIn, checkedIn.InsuranceMemberId, checkedIn.InsurancePayer),
        LateArrivalFlagged late => new Contract.LateArrivalFlagged(
            committed.Id, late.AppointmentId, late.PatientId, late.ArrivedAt, committed.Timestamp, late.StartsAt, late.MinutesLate),
        PatientCheckedOut checkedOut => new Contract.PatientCheckedOut(
            committed.Id, checkedOut.AppointmentId, checkedOut.PatientId, checkedOut.DepartedAt, committed.Timestamp, checkedOut.FollowUpAppointmentId),
        ArrivalTimeCorrected corrected => new Contract.ArrivalTimeCorrected(
            committed.Id, corrected.AppointmentId, corrected.PatientId, corrected.ArrivedAt, committed.Timestamp,
            corrected.PreviousArrivedAt, corrected.Reason),
        ReminderDue due => new Contract.ReminderDue(
            committed.Id, due.AppointmentId, due.PatientId, due.DueAt, committed.Timestamp, due.StartsAt, due.OffsetMinutes),
        WaitlistOfferMade offer => new Contract.WaitlistOfferMade(
            committed.Id, offer.PatientId, offer.OfferedAt, committed.Timestamp, offer.EntryId, offer.ProviderId, offer.SlotId, offer.StartsAt, offer.Until),
        PatientRegistered registered => new Contract.PatientRegistered(
            committed.Id, registered.PatientId, registered.RegisteredAt, committed.Timestamp, registered.Mrn),
        PossibleDuplicateFlagged flagged => new Contract.PossibleDuplicatePatientFlagged(
            committed.Id, flagged.PatientId, flagged.FlaggedAt, committed.Timestamp, flagged.LikelyDuplicateOf),
        PatientDetailsCorrected corrected => new Contract.PatientDetailsCorrected(
            committed.Id, corrected.PatientId, corrected.CorrectedAt, committed.Timestamp, [.. corrected.Changes.Select(c => c.Field)]),
        _ => null,
    };
}
