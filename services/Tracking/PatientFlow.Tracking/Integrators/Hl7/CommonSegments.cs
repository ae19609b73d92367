namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>The segments every message type shares: header, event, patient and visit.</summary>
internal static class CommonSegments
{
    /// <summary>MSH. MSH-7 is the event's recording time, not the clock: a message built again for a redelivered event is the same message.</summary>
    public static string Header(Hl7Options options, Hl7Mapping mapping, IVisitEvent e) => Er7.Segment("MSH",
        (3, Er7.Text(options.SendingApplication)),
        (4, Er7.Text(options.SendingFacility)),
        (5, Er7.Text(options.ReceivingApplication)),
        (6, Er7.Text(options.ReceivingFacility)),
        (7, Hl7Values.Time(e.RecordedAt)),
        (9, mapping.Msh9),
        (10, Hl7ControlId.For(e.EventId)),
        (11, options.ProcessingId),
        (12, "2.5.1"),
        // Without MSH-18 a receiver reads ASCII; clinic and room names need not be.
        (18, "UNICODE UTF-8"));

    /// <summary>EVN: EVN-1 repeats the trigger for receivers still reading it (kept for backward compatibility in 2.5.1).</summary>
    public static string Event(Hl7Mapping mapping, IVisitEvent e) => Er7.Segment("EVN",
        (1, mapping.Trigger),
        (2, Hl7Values.Time(e.RecordedAt)),
        (6, Hl7Values.Time(e.OccurredAt)));

    /// <summary>
    /// PID with the identifier only. Tracking holds no names or demographics, so PID-5 stays empty although
    /// v2.5.1 marks it required: receivers match the patient on PID-3 against their own index.
    /// </summary>
    public static string Patient(Guid patientId) => Er7.Segment("PID",
        (1, "1"),
        (3, Hl7Values.Identifier(patientId, "PI")));

    /// <summary>PV1 of an outpatient visit as the context knows it; PV1-19 is always the visit id.</summary>
    public static string Visit(Guid visitId, Hl7VisitContext visit, string? priorRoom = null) => Er7.Segment("PV1",
        (1, "1"),
        (2, "O"),
        (3, Hl7Values.Location(visit.Clinic, visit.Room)),
        (6, priorRoom is null ? "" : Hl7Values.Location(visit.Clinic, priorRoom)),
        (7, Hl7Values.Person(visit.ProviderId)),
        (19, Hl7Values.Identifier(visitId, "VN")),
        (44, Hl7Values.Time(visit.ArrivedAt)),
        (45, Hl7Values.Time(visit.CheckedOutAt)));
}
