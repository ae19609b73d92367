using Hl7.Fhir.Model;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using static Hl7.Fhir.Model.Encounter;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// The visit's ambulatory Encounter (id: the visit id), from booking to check-out: its status history,
/// provider, clinic and rooms, the chief complaint as its reason, and the provider's diagnoses.
/// </summary>
internal static class EncounterResource
{
    public static Encounter? From(IReadOnlyList<IVisitEvent> events)
    {
        var history = EncounterStatuses.History(events);
        if (history.Count == 0)
        {
            return null;
        }

        var visit = events[0];
        var status = history[^1].Status!.Value;
        var arrivedAt = EncounterStatuses.ArrivedAt(events);
        var finishedAt = EncounterStatuses.FinishedAt(events);
        var encounter = new Encounter
        {
            Id = FhirIds.Visit(visit.VisitId),
            Meta = events.Where(Changes).LastUpdated(),
            Status = status,
            StatusHistory = history,
            Class = new Coding(Terminology.ActCode, "AMB", "ambulatory"),
            Type = events.Latest<AppointmentBooked>() is { } booked ? [Terminology.Text(booked.VisitType)] : [],
            Subject = FhirIds.Patient(visit.PatientId),
            Appointment = [FhirIds.To(nameof(Appointment), FhirIds.Visit(visit.VisitId))],
            Period = arrivedAt is null || status == EncounterStatus.Cancelled ? null : new Period(
                VisitEvents.DateTime(arrivedAt.Value), finishedAt is null ? null : VisitEvents.DateTime(finishedAt.Value)),
            Location = EncounterLocations.From(events, status),
            ReasonCode = ChiefComplaint(events) is { } complaint ? [Terminology.Text(complaint.Text)] : [],
        };
        if (ProviderOf(events) is { } providerId)
        {
            encounter.Participant.Add(new ParticipantComponent
            {
                Type = [Terminology.Concept(Terminology.ParticipationType, "PPRF", "primary performer")],
                Individual = FhirIds.Practitioner(providerId),
            });
        }

        EncounterDiagnoses.AddTo(encounter, events, visit.PatientId);
        return encounter;
    }

    public static bool Changes(IVisitEvent e) => EncounterStatuses.Changes(e)
        || e is EncounterCompleted or ChiefComplaintRecorded or EntryEnteredInError { EntryKind: "chief-complaint" };

    /// <summary>The provider the visit is with now: the latest booking, move, check-in or intake step that names one.</summary>
    public static Guid? ProviderOf(IReadOnlyList<IVisitEvent> events) => events
        .Select(e => (e.RecordedAt, ProviderId: e switch
        {
            AppointmentBooked booked => booked.ProviderId,
            AppointmentRescheduled moved => moved.ProviderId,
            PatientCheckedIn checkedIn => checkedIn.ProviderId,
            EncounterOpened opened => opened.ProviderId,
            ProviderEncounterStarted started => started.ProviderId,
            EncounterCompleted completed => completed.ProviderId,
            _ => (Guid?)null,
        }))
        .Where(e => e.ProviderId is not null)
        .OrderBy(e => e.RecordedAt)
        .Select(e => e.ProviderId)
        .LastOrDefault();

    /// <summary>Why the patient came: a later complaint replaces an earlier one; one entered in error no longer counts.</summary>
    private static ChiefComplaintRecorded? ChiefComplaint(IReadOnlyList<IVisitEvent> events)
    {
        var voided = events.OfType<EntryEnteredInError>().Select(e => e.EntryEventId).ToHashSet();
        return events.OfType<ChiefComplaintRecorded>().Where(e => !voided.Contains(e.EventId)).Latest<ChiefComplaintRecorded>();
    }
}
