namespace PatientFlow.Simulator.Planning;

/// <summary>An appointment type and how its visits go: stage times (minutes), what the provider records and orders.</summary>
/// <param name="Share">How often it is booked, against the other types' shares.</param>
/// <param name="Intake">Rooming, vitals and the chief complaint, by a medical assistant.</param>
/// <param name="Provider">From the provider entering the room to the encounter's completion.</param>
/// <param name="CheckOut">At the check-out desk.</param>
/// <param name="Diagnoses">ICD-10-CM codes, the primary first.</param>
/// <param name="LabTests">LOINC codes of in-house tests ordered when the visit needs a lab.</param>
public sealed record VisitType(
    string Code,
    string Name,
    int DurationMinutes,
    double Share,
    LogNormal Intake,
    LogNormal Provider,
    LogNormal CheckOut,
    string ProcedureCode,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> LabTests,
    string Complaint)
{
    /// <summary>What a clinic day books. Provider times sit below the slot length, so a full provider keeps up on average.</summary>
    public static readonly IReadOnlyList<VisitType> All =
    [
        new("follow-up", "Follow-up", 15, 0.45, new(9, 0.35), new(11, 0.4), new(3, 0.45), "99213", ["E11.9", "I10"], ["2345-7", "4548-4"], "follow-up of blood sugar"),
        new("sick-visit", "Sick visit", 15, 0.25, new(9, 0.35), new(10, 0.4), new(3, 0.45), "99212", ["J02.9"], ["2345-7"], "sore throat and fever"),
        new("new-patient", "New patient", 30, 0.15, new(13, 0.35), new(22, 0.4), new(5, 0.45), "99203", ["I10"], ["2345-7", "4548-4"], "establishing care"),
        new("annual-physical", "Annual physical", 30, 0.15, new(13, 0.35), new(23, 0.4), new(4, 0.45), "99214", ["Z00.00"], ["2345-7", "6301-6"], "annual physical"),
    ];

    public static VisitType Of(string code) => All.Single(type => type.Code == code);
}
