using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// Plausible values for <see cref="ContractExamples"/>, by property name (<c>Owner.Property</c> first where one
/// name means different things in different records). A name not listed still gets a valid value of its type, so a
/// new contract never breaks the catalog; listing it here only makes its example read better.
/// </summary>
internal static class ExampleValues
{
    private static readonly DateTimeOffset Base = new(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(-5));

    // Offsets from Base (when the example event happened), so each contract's times tell a consistent story.
    private static readonly Dictionary<string, TimeSpan> Times = new()
    {
        ["RecordedAt"] = TimeSpan.FromSeconds(2), ["StartsAt"] = TimeSpan.FromMinutes(15), ["EndsAt"] = TimeSpan.FromMinutes(35),
        ["PreviousStartsAt"] = TimeSpan.FromDays(-1), ["PreviousArrivedAt"] = TimeSpan.FromMinutes(-12),
        ["NoShowRecorded.StartsAt"] = TimeSpan.FromMinutes(-30), ["LateArrivalFlagged.StartsAt"] = TimeSpan.FromMinutes(-17),
        ["ReminderDue.StartsAt"] = TimeSpan.FromDays(2), ["Until"] = TimeSpan.FromHours(2),
        ["AcknowledgeBy"] = TimeSpan.FromHours(1), ["CriticalResultEscalated.AcknowledgeBy"] = TimeSpan.FromMinutes(-15),
        ["ExpectedBy"] = TimeSpan.FromDays(3), ["SendOutOverdue.ExpectedBy"] = TimeSpan.FromHours(-6),
        ["AppointmentAt"] = TimeSpan.FromDays(9), ["ScheduleBy"] = TimeSpan.FromDays(14), ["Deadline"] = TimeSpan.FromHours(-1),
    };

    private static readonly Dictionary<string, DateOnly> Dates = new()
    {
        ["ExpiresOn"] = new(2027, 1, 31), ["ValidFrom"] = new(2026, 3, 2), ["ValidTo"] = new(2026, 5, 31), ["OnsetDate"] = new(2019, 6, 1),
    };

    private static readonly Dictionary<string, string> Strings = new()
    {
        ["Clinic"] = "north", ["Room"] = "EXAM-3", ["PreviousRoom"] = "EXAM-1", ["Currency"] = "USD",
        ["VisitType"] = "follow-up", ["BookedVia"] = "front-desk", ["InsuranceMemberId"] = "BHH908172635", ["InsurancePayer"] = "Blue Harbor Health",
        ["Payer"] = "Blue Harbor Health", ["AppointmentCancelled.Reason"] = "Patient asked to move to next week",
        ["ArrivalTimeCorrected.Reason"] = "Checked in late at the desk; patient arrived on time",
        ["EligibilityChecked.Stage"] = "check-in", ["EligibilityChecked.Reason"] = "active", ["ClaimStatusChanged.Status"] = "paid",
        ["Substance"] = "Penicillin", ["Reaction"] = "hives", ["Severity"] = "moderate", ["AllergyRecorded.Kind"] = "drug",
        ["ChiefComplaintRecorded.Text"] = "Cough and sore throat", ["Onset"] = "3 days ago",
        ["EntryKind"] = "vitals", ["EntryEnteredInError.Reason"] = "Recorded on the wrong visit",
        ["CvxCode"] = "141", ["Vaccine"] = "Influenza, seasonal, injectable", ["Drug"] = "Ketorolac 30 mg", ["HcpcsCode"] = "J1885",
        ["Lot"] = "UT7241AA", ["Site"] = "left-deltoid", ["Route"] = "IM", ["DoseUnit"] = "mL",
        ["InstructionsGiven.Kind"] = "post-visit-care", ["Topic"] = "Upper respiratory infection",
        ["InstructionsGiven.Text"] = "Rest and fluids; call if the fever lasts more than 3 days.",
        ["ReconciledMedication.Name"] = "Lisinopril", ["Dose"] = "10 mg", ["Frequency"] = "once daily", ["RxNormCode"] = "314076",
        ["ReconciledMedication.Status"] = "changed", ["Change"] = "Increased from 5 mg", ["ReconciledMedication.Reason"] = "Blood pressure above goal",
        ["ProblemRecorded.Description"] = "Essential hypertension", ["Icd10Code"] = "I10", ["ProblemRecorded.Status"] = "active",
        ["VitalsCorrected.Reason"] = "Wrong cuff size", ["LoincCode"] = "8867-4", ["VitalSignObservation.Name"] = "heart-rate",
        ["VitalSignObservation.Unit"] = "/min", ["TestCode"] = "2345-7", ["TestName"] = "Glucose", ["Specimen"] = "blood",
        ["Performed"] = "in-house", ["Priority"] = "routine", ["Value"] = "98", ["Unit"] = "mg/dL", ["Flag"] = "N",
        ["CriticalResultFlagged.Flag"] = "HH", ["OriginalValue"] = "198", ["OriginalFlag"] = "H", ["BillingCode"] = "82947",
        ["ReferenceRange"] = "70-99", ["AccessionId"] = "A260302-0017", ["AcknowledgedBy"] = "dr.okafor",
        ["SpecimenType"] = "blood", ["SpecimenRejected.Reason"] = "haemolysed", ["ExternalLab"] = "Regional Reference Laboratory",
        ["AdmittingFacility"] = "Mercy General Hospital", ["Urgency"] = "routine", ["ReferralCreated.Kind"] = "specialist",
        ["Specialty"] = "cardiology", ["AuthorizationNumber"] = "PA-2026-031774", ["ReportKind"] = "consult-report",
        ["ReferralOverdue.Stage"] = "scheduling", ["ReferralReopened.Reason"] = "no-show", ["Facility"] = "north",
        ["Code"] = "99213",
    };

    private static readonly Dictionary<string, string[]> Lists = new()
    {
        ["Diagnoses"] = ["J06.9", "I10"], ["Modifiers"] = ["25"], ["TestCodes"] = ["2345-7"], ["Fields"] = ["insuranceMemberId"],
    };

    private static readonly Dictionary<string, int> Wholes = new()
    {
        ["LineCount"] = 2, ["MinutesLate"] = 17, ["OffsetMinutes"] = 2880, ["Units"] = 1, ["VisitsAllowed"] = 6,
    };

    private static readonly Dictionary<string, decimal> Amounts = new()
    {
        ["TotalCharge"] = 245.00m, ["Paid"] = 180.00m, ["PatientResponsibility"] = 40.00m, ["CopayDue"] = 25.00m,
        ["DoseAmount"] = 0.5m, ["VitalSignObservation.Value"] = 72m,
    };

    private static readonly Dictionary<string, bool> Flags = new() { ["Active"] = true, ["InNetwork"] = true };

    /// <summary>A fixed id for a name: an RFC 9562 version 8 GUID from the name's SHA-256, so ids differ by name and never change.</summary>
    public static Guid Id(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("patientflow.example." + name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static DateTimeOffset Time(Type owner, string name) => Base + Lookup(Times, owner, name, TimeSpan.Zero);

    public static DateOnly Date(string name) => Dates.GetValueOrDefault(name, DateOnly.FromDateTime(Base.Date));

    public static string Text(Type owner, string name) => Lookup(Strings, owner, name, JsonNamingPolicy.KebabCaseLower.ConvertName(name));

    public static object[] Texts(string name) => Lists.TryGetValue(name, out var texts) ? texts : [JsonNamingPolicy.KebabCaseLower.ConvertName(name)];

    public static int Whole(string name) => Wholes.GetValueOrDefault(name, 1);

    public static decimal Amount(Type owner, string name) => Lookup(Amounts, owner, name, 1m);

    public static bool Flag(string name) => Flags.GetValueOrDefault(name);

    private static T Lookup<T>(Dictionary<string, T> values, Type owner, string name, T fallback) =>
        values.TryGetValue($"{owner.Name}.{name}", out var specific) ? specific : values.GetValueOrDefault(name, fallback)!;
}
