namespace PatientFlow.Simulator.Planning;

/// <summary>
/// One visit of the day: booked (with a scheduled start) or a walk-in; arriving or a no-show; and, once the clinic's
/// flow is worked out, when each stage happens.
/// </summary>
/// <param name="Number">Names the visit in the plan (and in logs) until scheduling gives it an id.</param>
/// <param name="ScheduledAt">The booked slot's start; null for a walk-in.</param>
/// <param name="ArrivesAt">Null for a no-show.</param>
/// <param name="Times">Null until the flow is worked out, and for a no-show.</param>
public sealed record PlannedVisit(
    int Number,
    string Clinic,
    string Provider,
    string VisitType,
    PatientProfile Patient,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? ArrivesAt,
    VisitCare Care,
    VisitTimes? Times = null)
{
    public bool IsWalkIn => ScheduledAt is null;

    public bool IsNoShow => ArrivesAt is null;

    /// <summary>Minutes from arrival to rooming; null for a no-show.</summary>
    public double? WaitForRoomMinutes => ArrivesAt is { } arrived && Times is { } times ? (times.RoomedAt - arrived).TotalMinutes : null;

    /// <summary>While the provider is with the patient, a little before halfway.</summary>
    public DateTimeOffset? LabOrderedAt => Care.Lab is not null && Times is { } t ? IntoEncounter(t, 0.4) : null;

    public DateTimeOffset? SpecimenCollectedAt => LabOrderedAt + Care.Lab?.CollectAfter;

    public DateTimeOffset? ResultedAt => SpecimenCollectedAt + Care.Lab?.Turnaround;

    /// <summary>Towards the end of the provider's time with the patient.</summary>
    public DateTimeOffset? ReferredAt => Care.Referral is not null && Times is { } t ? IntoEncounter(t, 0.7) : null;

    private static DateTimeOffset IntoEncounter(VisitTimes times, double share) =>
        times.ProviderStartAt.AddSeconds(Math.Round((times.ProviderDoneAt - times.ProviderStartAt).TotalSeconds * share));
}

/// <summary>What the visit needs, sampled before the flow is worked out: stage lengths (whole seconds), tests, a referral, vitals.</summary>
public sealed record VisitCare(
    TimeSpan Intake, TimeSpan Provider, TimeSpan CheckOut, TimeSpan Cleaning, Vitals Vitals, LabPlan? Lab, ReferralPlan? Referral);

/// <summary>In-house tests on one blood specimen, collected a little after the order, resulted after the turnaround.</summary>
public sealed record LabPlan(IReadOnlyList<LabTestResult> Tests, TimeSpan CollectAfter, TimeSpan Turnaround);

public sealed record LabTestResult(string Code, decimal Value, string Unit);

public sealed record ReferralPlan(string Specialty, string Reason);

/// <summary>A set of vitals in US units, all within normal limits.</summary>
public sealed record Vitals(int SystolicBp, int DiastolicBp, int HeartRate, decimal TemperatureF, int Spo2);

/// <summary>When each stage of an arrived visit happens, in simulated time.</summary>
/// <param name="RoomCleanedAt">The room is ready for the next patient.</param>
public sealed record VisitTimes(
    DateTimeOffset RoomedAt,
    string Room,
    DateTimeOffset VitalsAt,
    DateTimeOffset ProviderStartAt,
    DateTimeOffset ProviderDoneAt,
    DateTimeOffset RoomCleanedAt,
    DateTimeOffset CheckOutStartAt,
    DateTimeOffset CheckedOutAt);
