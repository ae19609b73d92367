using Hl7.Fhir.Model;
using PatientFlow.Contracts.Scheduling.V1;
using static Hl7.Fhir.Model.Appointment;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>The visit's Appointment (id: the visit id): booked, moved, arrived, fulfilled, cancelled or missed.</summary>
internal static class AppointmentResource
{
    public static Appointment? From(IReadOnlyList<IVisitEvent> events)
    {
        var booked = events.Latest<AppointmentBooked>();
        var checkedIn = events.Latest<PatientCheckedIn>();
        if (booked is null && checkedIn is null)
        {
            return null;
        }

        var first = (IVisitEvent?)booked ?? checkedIn!;
        var slot = Slot(events, booked, checkedIn);
        var appointment = new Appointment
        {
            Id = FhirIds.Visit(first.VisitId),
            Meta = events.Where(Changes).LastUpdated(),
            Status = StatusOf(events),
            CancelationReason = events.Latest<AppointmentCancelled>() is { } cancelled ? Terminology.Text(cancelled.Reason) : null,
            AppointmentType = TypeOf(booked?.VisitType, booked?.BookedVia == "walk-in" || checkedIn?.WalkIn == true),
            StartElement = new Instant(slot.StartsAt),
            EndElement = new Instant(slot.EndsAt),
            CreatedElement = booked is null ? null : VisitEvents.DateTime(booked.OccurredAt),
            Participant =
            [
                new ParticipantComponent { Actor = FhirIds.Patient(first.PatientId), Status = ParticipationStatus.Accepted },
                new ParticipantComponent { Actor = FhirIds.Practitioner(slot.ProviderId), Status = ParticipationStatus.Accepted },
            ],
        };
        if (slot.Room is not null)
        {
            appointment.Participant.Add(new ParticipantComponent { Actor = FhirIds.Location(slot.Clinic, slot.Room), Status = ParticipationStatus.Accepted });
        }

        return appointment;
    }

    public static bool Changes(IVisitEvent e) =>
        e is AppointmentBooked or AppointmentRescheduled or PatientCheckedIn or PatientCheckedOut or AppointmentCancelled or NoShowRecorded;

    /// <summary>
    /// The furthest the visit got, not the latest event to arrive: a check-in after a no-show still counts,
    /// and a no-show stands only until the visit is moved to another slot.
    /// </summary>
    private static AppointmentStatus StatusOf(IReadOnlyList<IVisitEvent> events)
    {
        var noShow = events.Latest<NoShowRecorded>();
        return events switch
        {
            _ when events.Any(e => e is PatientCheckedOut) => AppointmentStatus.Fulfilled,
            _ when events.Any(e => e is PatientCheckedIn) => AppointmentStatus.Arrived,
            _ when events.Any(e => e is AppointmentCancelled) => AppointmentStatus.Cancelled,
            _ when noShow is not null && !events.OfType<AppointmentRescheduled>().Any(moved => moved.RecordedAt > noShow.RecordedAt) =>
                AppointmentStatus.Noshow,
            _ => AppointmentStatus.Booked,
        };
    }

    private sealed record BookedSlot(Guid ProviderId, string Clinic, string? Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    // The latest move, else the booking; a walk-in whose booking tracking has not seen yet started when the patient arrived.
    private static BookedSlot Slot(IReadOnlyList<IVisitEvent> events, AppointmentBooked? booked, PatientCheckedIn? checkedIn) =>
        events.Latest<AppointmentRescheduled>() is { } moved && (booked is null || moved.RecordedAt >= booked.RecordedAt)
            ? new BookedSlot(moved.ProviderId, moved.Clinic, moved.Room, moved.StartsAt, moved.EndsAt)
            : booked is not null
                ? new BookedSlot(booked.ProviderId, booked.Clinic, booked.Room, booked.StartsAt, booked.EndsAt)
                : new BookedSlot(checkedIn!.ProviderId, checkedIn.Clinic, null, checkedIn.OccurredAt, checkedIn.OccurredAt);

    /// <summary>HL7 v2 table 0276 where PatientFlow's visit type has an equivalent; the visit type's code as text always.</summary>
    private static CodeableConcept? TypeOf(string? visitType, bool walkIn)
    {
        var code = walkIn ? "WALKIN" : visitType switch
        {
            "follow-up" => "FOLLOWUP",
            "routine" => "ROUTINE",
            "checkup" or "check-up" => "CHECKUP",
            _ => null,
        };
        var text = visitType ?? (walkIn ? "walk-in" : null);
        return code is null ? (text is null ? null : Terminology.Text(text)) : Terminology.Concept(Terminology.AppointmentReason, code, text: text);
    }
}
