using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using static Hl7.Fhir.Model.Encounter;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>Where the encounter happened: the clinic for the whole visit, and each exam room for the time the patient was in it.</summary>
internal static class EncounterLocations
{
    public static List<LocationComponent> From(IReadOnlyList<IVisitEvent> events, EncounterStatus status)
    {
        var clinic = ClinicOf(events);
        if (clinic is null || status == EncounterStatus.Cancelled)
        {
            return [];
        }

        var arrivedAt = EncounterStatuses.ArrivedAt(events);
        var finishedAt = EncounterStatuses.FinishedAt(events);
        var locations = new List<LocationComponent>
        {
            Stay(FhirIds.Location(clinic, null), arrivedAt, finishedAt, planned: arrivedAt is null),
        };

        // A move ends the stay in the previous room; check-out ends the last one.
        var rooms = events.OfType<PatientRoomed>().OrderBy(roomed => roomed.OccurredAt).ToList();
        locations.AddRange(rooms.Select((roomed, i) =>
            Stay(FhirIds.Location(clinic, roomed.Room), roomed.OccurredAt, i + 1 < rooms.Count ? rooms[i + 1].OccurredAt : finishedAt, planned: false)));
        return locations;
    }

    /// <summary>The clinic of the latest booking, move or check-in.</summary>
    public static string? ClinicOf(IReadOnlyList<IVisitEvent> events) => events
        .Select(e => (e.RecordedAt, Clinic: e switch
        {
            AppointmentBooked booked => booked.Clinic,
            AppointmentRescheduled moved => moved.Clinic,
            PatientCheckedIn checkedIn => checkedIn.Clinic,
            _ => null,
        }))
        .Where(e => e.Clinic is not null)
        .OrderBy(e => e.RecordedAt)
        .Select(e => e.Clinic)
        .LastOrDefault();

    private static LocationComponent Stay(global::Hl7.Fhir.Model.ResourceReference location, DateTimeOffset? from, DateTimeOffset? until, bool planned) => new()
    {
        Location = location,
        Status = planned ? EncounterLocationStatus.Planned : until is null ? EncounterLocationStatus.Active : EncounterLocationStatus.Completed,
        Period = from is null ? null : new global::Hl7.Fhir.Model.Period(
            VisitEvents.DateTime(from.Value),
            until is null ? null : VisitEvents.DateTime(until.Value < from.Value ? from.Value : until.Value)),
    };
}
