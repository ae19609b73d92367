using Hl7.Fhir.Model;
using PatientFlow.Contracts.Intake.V1;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>One vital sign as it stands now, with every event that made it so.</summary>
internal sealed record VitalSign(
    string Id, Guid SetId, VitalSignObservation Value, DateTimeOffset TakenAt, ObservationStatus Status, IReadOnlyList<IVisitEvent> Changes);

/// <summary>
/// Sets of vital signs after their corrections. A correction replaces the whole set: a sign it measures again
/// (matched by LOINC code) is amended in place, keeping the id the recording gave it; a sign it leaves out was
/// wrong and is entered in error; a sign it adds is new, with an id from the correction. Corrections apply in
/// the order they were recorded; marking the set entered in error voids every sign of it.
/// </summary>
internal static class VitalSignSets
{
    public static IReadOnlyList<VitalSign> From(IReadOnlyList<IVisitEvent> events) =>
        [.. events.OfType<VitalsRecorded>().SelectMany(set => Current(set, events))];

    private static List<VitalSign> Current(VitalsRecorded set, IReadOnlyList<IVisitEvent> events)
    {
        var signs = set.Observations
            .Select((value, i) => new VitalSign(FhirIds.VitalSign(set.EventId, i), set.EventId, value, set.OccurredAt, ObservationStatus.Final, [set]))
            .ToList();
        foreach (var correction in events.OfType<VitalsCorrected>().Where(c => c.CorrectedEventId == set.EventId).OrderBy(c => c.RecordedAt))
        {
            signs = Correct(signs, correction);
        }

        if (events.OfType<EntryEnteredInError>().Where(e => e.EntryEventId == set.EventId).MinBy(e => e.RecordedAt) is { } voided)
        {
            signs = [.. signs.Select(sign => sign with { Status = ObservationStatus.EnteredInError, Changes = [.. sign.Changes, voided] })];
        }

        return signs;
    }

    private static List<VitalSign> Correct(List<VitalSign> signs, VitalsCorrected correction)
    {
        var remeasured = correction.Observations.Select((value, index) => (Value: value, Index: index)).ToList();
        var corrected = new List<VitalSign>();
        foreach (var sign in signs)
        {
            var again = remeasured.FirstOrDefault(o => o.Value.LoincCode == sign.Value.LoincCode);
            corrected.Add(again.Value is null
                ? sign with { Status = ObservationStatus.EnteredInError, Changes = [.. sign.Changes, correction] }
                : sign with { Value = again.Value, TakenAt = correction.OccurredAt, Status = ObservationStatus.Amended, Changes = [.. sign.Changes, correction] });
            remeasured.Remove(again);
        }

        corrected.AddRange(remeasured.Select(added => new VitalSign(
            FhirIds.VitalSign(correction.EventId, added.Index), correction.CorrectedEventId, added.Value, correction.OccurredAt,
            ObservationStatus.Final, [correction])));
        return corrected;
    }
}
