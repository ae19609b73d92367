using System.Text.RegularExpressions;
using PatientFlow.Contracts.Lab.V1;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// The ORU_R01 body of one resulted test: PID, PV1, ORC, OBR, OBX. A first result is final (F); an amendment is a
/// corrected result (C) of the same order and test, observed when the first one was.
/// </summary>
internal static partial class LabResultSegments
{
    public static IEnumerable<string> Recorded(LabResultRecorded result, Hl7VisitContext visit) =>
        For(result.VisitId, result.PatientId, result.OrderId, result.TestCode, visit, "F",
            new Observation(result.Value, result.Unit, result.Flag, result.ReferenceRange, result.OccurredAt, result.OccurredAt));

    public static IEnumerable<string> Amended(LabResultAmended amended, Hl7VisitContext visit)
    {
        var test = visit.LabTest(amended.OrderId, amended.TestCode);
        return For(amended.VisitId, amended.PatientId, amended.OrderId, amended.TestCode, visit, "C",
            new Observation(amended.Value, amended.Unit, amended.Flag, test.ReferenceRange, test.ResultedAt ?? amended.OccurredAt, amended.OccurredAt));
    }

    /// <param name="ObservedAt">OBX-14: when the result was produced (for an amendment, the first result's time).</param>
    /// <param name="ReportedAt">OBR-22: when this result status was reached.</param>
    private sealed record Observation(string Value, string Unit, string Flag, string? ReferenceRange, DateTimeOffset ObservedAt, DateTimeOffset ReportedAt);

    private static IEnumerable<string> For(
        Guid visitId, Guid patientId, Guid orderId, string testCode, Hl7VisitContext visit, string status, Observation observation)
    {
        var test = visit.LabTest(orderId, testCode);
        var service = Hl7Values.Coded(testCode, test.Name, "LN");
        var placer = Hl7Values.Entity(orderId);
        var filler = Hl7Values.Entity(test.AccessionId);
        var numeric = Numeric().IsMatch(observation.Value);
        // The visit's provider: lab orders do not name who ordered them.
        var provider = Hl7Values.Person(visit.ProviderId);

        yield return CommonSegments.Patient(patientId);
        yield return CommonSegments.Visit(visitId, visit);
        yield return Er7.Segment("ORC", (1, "RE"), (2, placer), (3, filler), (5, "CM"), (12, provider));
        yield return Er7.Segment("OBR",
            (1, "1"), (2, placer), (3, filler), (4, service),
            // OBR-7 is the specimen's collection time when lab reported one.
            (7, Hl7Values.Time(test.CollectedAt ?? observation.ObservedAt)),
            (16, provider),
            (22, Hl7Values.Time(observation.ReportedAt)),
            (25, status));
        yield return Er7.Segment("OBX",
            (1, "1"),
            (2, numeric ? "NM" : "ST"),
            (3, service),
            (5, Er7.Text(numeric ? observation.Value.Trim() : observation.Value)),
            (6, Hl7Values.Unit(observation.Unit)),
            (7, Er7.Text(observation.ReferenceRange)),
            (8, AbnormalFlag(observation.Flag)),
            (11, status),
            (14, Hl7Values.Time(observation.ObservedAt)),
            (19, Hl7Values.Time(observation.ObservedAt)));
    }

    /// <summary>OBX-8 in table 0078. Lab writes the table's codes; spelled-out words are mapped, anything else kept as sent.</summary>
    private static string AbnormalFlag(string flag) => flag.Trim().ToUpperInvariant() switch
    {
        "" => "",
        "NORMAL" => "N",
        "LOW" => "L",
        "HIGH" => "H",
        "ABNORMAL" => "A",
        var code => Er7.Text(code),
    };

    /// <summary>NM: an optional sign, digits and at most one decimal point; no exponent, no grouping.</summary>
    [GeneratedRegex(@"^\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();
}
