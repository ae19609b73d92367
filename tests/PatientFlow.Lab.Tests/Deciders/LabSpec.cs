using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Resulting;
using PatientFlow.Platform.Visits;
using PatientFlow.Testing;

namespace PatientFlow.Lab.Tests.Deciders;

/// <summary>Given(events).When(decision).Then(events) over a lab order's decision state.</summary>
internal static class LabSpec
{
    public static readonly Guid VisitId = Guid.CreateVersion7();
    public static readonly Guid PatientId = Guid.CreateVersion7();
    public static readonly Guid OrderId = Guid.CreateVersion7();
    public static readonly Guid SpecimenId = Guid.CreateVersion7();
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5));
    public static readonly DateTimeOffset OrderedAt = Now.AddMinutes(-30);
    public static readonly Visit Visit = new(VisitId, PatientId, Guid.CreateVersion7(), "north");
    public static readonly CriticalResultPolicy Policy = new(TimeSpan.FromMinutes(30));
    public const string Accession = "L0000001001";
    public const string Staff = "test-lab";

    public static readonly LabTest Glucose = new(
        "2345-7", "Glucose (serum)", ResultKind.Numeric, "mg/dL", "blood", Performed.InHouse, TimeSpan.FromMinutes(15),
        [new ReferenceRange(70, 99)], 50, 400, null, "82947");

    public static readonly LabTest Cholesterol = new(
        "2093-3", "Cholesterol, total", ResultKind.Numeric, "mg/dL", "blood", Performed.SendOut, TimeSpan.FromDays(2),
        [new ReferenceRange(0, 199)], null, null, null, "82465");

    public static readonly LabTest Hemoglobin = new(
        "718-7", "Hemoglobin", ResultKind.Numeric, "g/dL", "blood", Performed.SendOut, TimeSpan.FromDays(1),
        [
            new ReferenceRange(12.0m, 17.5m),
            new ReferenceRange(12.0m, 15.5m, PatientSex.Female, MinAgeYears: 18),
            new ReferenceRange(13.5m, 17.5m, PatientSex.Male, MinAgeYears: 18),
            new ReferenceRange(11.0m, 15.5m, MaxAgeYears: 18),
        ],
        7.0m, 20.0m, null, "85018");

    public static readonly LabTest RapidStrep = new(
        "78012-2", "Rapid strep (Streptococcus pyogenes Ag, throat)", ResultKind.Text, "", "swab", Performed.InHouse, TimeSpan.FromMinutes(15),
        [], null, null, "negative", "87880");

    public static readonly LabCatalog TestCatalog = new([Glucose, Cholesterol, Hemoglobin, RapidStrep]);

    public static LabOrderPlaced Ordered(params LabTest[] tests) => new(
        OrderId, VisitId, PatientId, LabPriority.Routine, [.. tests.Select(t => new OrderedTest(t, t.RangeFor(null, null)))], "test-clinician", OrderedAt);

    public static SpecimenCollected Collected(string type, params LabTest[] tests) => Collected(SpecimenId, Accession, type, tests);

    public static SpecimenCollected Collected(Guid specimenId, string accession, string type, params LabTest[] tests) =>
        new(OrderId, VisitId, PatientId, specimenId, accession, type, [.. tests.Select(t => t.Code)], Staff, OrderedAt.AddMinutes(5));

    public static SpecimenSentOut SentOut(params LabTest[] tests) => new(
        OrderId, VisitId, PatientId, SpecimenId, Accession, "Quest", [.. tests.Select(t => t.Code)], OrderedAt.AddMinutes(10),
        OrderedAt.AddMinutes(10) + tests.Max(t => t.Turnaround));

    public static LabResultRecorded Resulted(LabTest test, string value, string flag) => new(
        OrderId, VisitId, PatientId, test.Code, value, test.Unit, test.RangeFor(null, null)?.ToString(), flag, test.BillingCode, Accession, Staff,
        OrderedAt.AddMinutes(20));

    public static CriticalResultFlagged Flagged(LabTest test, string flag) => new(
        OrderId, VisitId, PatientId, test.Code, flag, OrderedAt.AddMinutes(20), OrderedAt.AddMinutes(50));

    public static Spec<LabOrder> Given(params object[] history) => Spec<LabOrder>.Given(history);
}
