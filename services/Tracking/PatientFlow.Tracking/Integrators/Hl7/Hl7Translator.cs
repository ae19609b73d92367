using System.Diagnostics;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// HL7 v2.5.1 messages from integration events: scheduling notifications (SIU), outpatient registration and its
/// updates (ADT) and lab results (ORU). <see cref="Mappings"/> lists which event becomes which message.
/// </summary>
public static class Hl7Translator
{
    // PatientDetailsCorrected (no visit, and it names fields, not values: nothing to put in an A08 or A31) and
    // every other contract have no v2 message here.
    private static readonly IReadOnlyList<Hl7Mapping> Table =
    [
        new(typeof(AppointmentBooked), "SIU^S12", "SIU_S12", "new appointment booked"),
        new(typeof(AppointmentRescheduled), "SIU^S13", "SIU_S12", "appointment moved to another slot"),
        new(typeof(AppointmentCancelled), "SIU^S15", "SIU_S12", "appointment cancelled"),
        new(typeof(NoShowRecorded), "SIU^S26", "SIU_S12", "patient did not show up"),
        new(typeof(PatientCheckedIn), "ADT^A04", "ADT_A01", "outpatient registered on arrival"),
        new(typeof(PatientRoomed), "ADT^A08", "ADT_A01", "visit updated: patient taken to (or moved between) exam rooms"),
        new(typeof(ArrivalTimeCorrected), "ADT^A08", "ADT_A01", "visit updated: arrival time corrected"),
        new(typeof(PatientCheckedOut), "ADT^A03", "ADT_A03", "outpatient visit ended at check-out"),
        new(typeof(LabResultRecorded), "ORU^R01", "ORU_R01", "final result of one test"),
        new(typeof(LabResultAmended), "ORU^R01", "ORU_R01", "corrected result of one test"),
    ];

    private static readonly IReadOnlyDictionary<Type, Hl7Mapping> ByEvent = Table.ToDictionary(mapping => mapping.Event);

    /// <summary>Every event that becomes a message, and which message; for integrators' documentation.</summary>
    public static IReadOnlyList<Hl7Mapping> Mappings() => Table;

    /// <summary>The message for <paramref name="e"/>, or null when the event has none.</summary>
    /// <param name="e">The event.</param>
    /// <param name="contextBeforeEvent">The visit's earlier events folded with <see cref="Hl7VisitContext.Apply"/>, not yet including <paramref name="e"/>.</param>
    /// <param name="options">Header values.</param>
    public static Hl7Message? For(IVisitEvent e, Hl7VisitContext contextBeforeEvent, Hl7Options options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(contextBeforeEvent);
        ArgumentNullException.ThrowIfNull(options);
        if (!ByEvent.TryGetValue(e.GetType(), out var mapping))
        {
            return null;
        }

        options.Validate();
        // Each message states the visit as it stands after its event: A08 restates the whole PV1, S13 the new slot.
        var visit = contextBeforeEvent.Apply(e);
        var body = e switch
        {
            AppointmentBooked or AppointmentRescheduled or AppointmentCancelled or NoShowRecorded => SchedulingSegments.For(e, visit),
            PatientCheckedIn or PatientRoomed or ArrivalTimeCorrected or PatientCheckedOut => AdmissionSegments.For(mapping, e, visit),
            LabResultRecorded result => LabResultSegments.Recorded(result, visit),
            LabResultAmended amended => LabResultSegments.Amended(amended, visit),
            _ => throw new UnreachableException($"{e.GetType().Name} is mapped but has no segments"),
        };
        var segments = body.Prepend(CommonSegments.Header(options, mapping, e));
        var text = string.Concat(segments.Select(segment => segment + Er7.SegmentTerminator));
        return new Hl7Message(Hl7ControlId.For(e.EventId), mapping.MessageType, text);
    }
}
