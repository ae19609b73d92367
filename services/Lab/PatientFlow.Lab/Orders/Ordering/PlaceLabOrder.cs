using PatientFlow.Lab.Patients;
using PatientFlow.Platform.Visits;

namespace PatientFlow.Lab.Orders.Ordering;

/// <summary>Order one or more catalog tests, by LOINC code, for a visit; routine unless said otherwise.</summary>
public sealed record PlaceLabOrder(Guid VisitId, IReadOnlyList<string?>? Tests = null, LabPriority? Priority = null);

/// <summary>The patient's sex and age in whole years on the order date, for tests whose reference range depends on them.</summary>
public sealed record PatientDemographics(PatientSex Sex, int AgeYears);

public static class PlaceLabOrderDecider
{
    public const int MaxTests = 20;

    /// <summary>
    /// POST /orders: orders tests for a visit. Where a test's reference range depends on sex or age, scheduling is asked for them
    /// (as the ordering user) and the range chosen is kept on the order; if it cannot answer, nothing is ordered (503).
    /// </summary>
    public static async Task<Created<LabOrderDetails>> Handle(
        PlaceLabOrder command, LabOrderCommands commands, IQuerySession session, LabCatalog catalog, IPatientDirectory patients, HttpContext http,
        ClinicScope scope, CancellationToken ct)
    {
        var visit = await Visit.LoadInScopeAsync(session, scope, command.VisitId, ct);
        var tests = Tests(catalog, command);
        var now = commands.Now;
        var demographics = tests.Any(test => test.RangeDependsOnPatient)
            ? await patients.GetAsync(visit.PatientId, DateOnly.FromDateTime(now.UtcDateTime), http.Request.Headers.Authorization, ct)
            : null;
        var orderId = Guid.CreateVersion7();
        return await commands.StartAsync(orderId, $"/api/lab/orders/{orderId}", Decide(visit, tests, command, demographics, orderId, commands.Who, now));
    }

    /// <summary>The catalog tests named, each once; 422 naming the first that is not in the catalog.</summary>
    public static IReadOnlyList<LabTest> Tests(LabCatalog catalog, PlaceLabOrder command)
    {
        if (command.Tests is not { Count: > 0 } codes)
        {
            throw new InvalidFieldException("tests", "must name at least one test by LOINC code");
        }

        if (codes.Count > MaxTests)
        {
            throw new InvalidFieldException("tests", $"must name at most {MaxTests} tests");
        }

        var tests = new List<LabTest>();
        for (var i = 0; i < codes.Count; i++)
        {
            var test = (string.IsNullOrWhiteSpace(codes[i]) ? null : catalog.Find(codes[i]!))
                ?? throw new InvalidFieldException($"tests[{i}]", "is not a test in the lab catalog (GET /api/lab/catalog)");
            if (tests.Contains(test))
            {
                throw new InvalidFieldException($"tests[{i}]", $"{test.Code} is already on this order");
            }

            tests.Add(test);
        }

        return tests;
    }

    /// <summary>
    /// Each test keeps the catalog's definition and the reference range for this patient: the most specific
    /// one for their sex and age band, or the general range when demographics were not needed or not known.
    /// </summary>
    public static IReadOnlyList<object> Decide(
        Visit visit, IReadOnlyList<LabTest> tests, PlaceLabOrder command, PatientDemographics? patient, Guid orderId, string orderedBy, DateTimeOffset now) =>
    [
        new LabOrderPlaced(
            orderId, visit.VisitId, visit.PatientId, command.Priority ?? LabPriority.Routine,
            [.. tests.Select(test => new OrderedTest(test, test.Kind == ResultKind.Numeric ? test.RangeFor(patient?.Sex, patient?.AgeYears) : null))],
            orderedBy, now),
    ];
}
