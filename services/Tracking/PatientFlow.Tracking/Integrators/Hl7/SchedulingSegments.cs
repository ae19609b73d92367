using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// The SIU_S12 body every scheduling notification shares (S12 booked, S13 rescheduled, S15 cancelled, S26 no-show):
/// SCH, TQ1, PID, PV1, then one resource group with the clinic (AIL) and the provider (AIP).
/// </summary>
internal static class SchedulingSegments
{
    public static IEnumerable<string> For(IVisitEvent e, Hl7VisitContext visit)
    {
        var (reason, status) = ReasonAndStatus(e);
        var minutes = Hl7Values.Minutes(visit.ScheduledStart, visit.ScheduledEnd);
        var duration = Hl7Values.Number(minutes);
        var units = minutes is null ? "" : Hl7Values.Unit("min");
        var start = Hl7Values.Time(visit.ScheduledStart);

        yield return Er7.Segment("SCH",
            // PatientFlow both requests and fills the appointment: the visit id is placer and filler id.
            (1, Hl7Values.Entity(e.VisitId)),
            (2, Hl7Values.Entity(e.VisitId)),
            (6, reason),
            (7, AppointmentReason(visit)),
            (8, Hl7Values.Coded("Normal", null, "HL70277")),
            (9, duration),
            (10, units),
            // TQ: quantity^interval^duration^start^end; TQ-3 counts minutes as M<n>.
            (11, Er7.Components("", "", minutes is { } m ? $"M{m}" : "", start, Hl7Values.Time(visit.ScheduledEnd))),
            (16, Hl7Values.Person(visit.ProviderId)),
            (25, status));
        if (visit.ScheduledStart is not null)
        {
            // 2.5.1 adds TQ1 beside SCH-11: the same timing for receivers that read the newer segment.
            yield return Er7.Segment("TQ1",
                (1, "1"),
                (6, minutes is null ? "" : Er7.Components(duration, Er7.Subcomponents("min", "", "UCUM"))),
                (7, start),
                (8, Hl7Values.Time(visit.ScheduledEnd)));
        }

        yield return CommonSegments.Patient(e.PatientId);
        yield return CommonSegments.Visit(e.VisitId, visit);
        yield return Er7.Segment("RGS", (1, "1"));
        if (visit.Clinic is not null)
        {
            yield return Er7.Segment("AIL",
                (1, "1"),
                (3, Hl7Values.Location(visit.Clinic, visit.Room)),
                (4, Hl7Values.Coded("C", "Clinic", "HL70305")),
                (6, start), (9, duration), (10, units), (12, status));
        }

        if (visit.ProviderId is not null)
        {
            yield return Er7.Segment("AIP",
                (1, "1"),
                (3, Hl7Values.Person(visit.ProviderId)),
                (6, start), (9, duration), (10, units), (12, status));
        }
    }

    /// <summary>SCH-6 event reason (local codes; a cancellation carries the staff's words) and filler status (table 0278).</summary>
    private static (string Reason, string Status) ReasonAndStatus(IVisitEvent e) => e switch
    {
        AppointmentBooked booked => (Hl7Values.Coded(booked.BookedVia ?? "booked", "Booked", "L"), Status("Booked")),
        AppointmentRescheduled => (Hl7Values.Coded("rescheduled", "Rescheduled", "L"), Status("Booked")),
        AppointmentCancelled cancelled => (Hl7Values.Coded("cancelled", cancelled.Reason, "L"), Status("Cancelled")),
        NoShowRecorded => (Hl7Values.Coded("no-show", "No show", "L"), Status("Noshow")),
        _ => throw new ArgumentException($"{e.GetType().Name} is not a scheduling notification", nameof(e)),
    };

    private static string Status(string code) => Hl7Values.Coded(code, null, "HL70278");

    /// <summary>SCH-7 in table 0276, with PatientFlow's visit type as the local alternate code.</summary>
    private static string AppointmentReason(Hl7VisitContext visit)
    {
        var code = visit switch
        {
            { WalkIn: true } => "WALKIN",
            { VisitType: "follow-up" } => "FOLLOWUP",
            _ => "ROUTINE",
        };
        return Hl7Values.Coded(code, null, "HL70276", visit.VisitType);
    }
}
