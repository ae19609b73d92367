using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Testing;
using Xunit.Abstractions;
using static PatientFlow.Testing.AccessMatrix;

namespace PatientFlow.Intake.Tests.Api;

/// <summary>Intake's access table: the encounter is clinical, a clinician's, in the visit's clinic.</summary>
public class AccessMatrixTests(IntakeFactory factory, ITestOutputHelper output)
    : AccessMatrixSpec<Program>(factory, output), IClassFixture<IntakeFactory>
{
    private const string Encounter = "/api/intake/encounters/{visitId:guid}";

    protected override IEnumerable<AccessRule> Table =>
    [
        Record($"GET {Encounter}/", Clinician, "visitId"),
        .. new[]
        {
            "rooming", "vitals", "vitals/{vitalsId:guid}/correction", "chief-complaint", "problems", "allergies", "allergies/none-known",
            "medications/reconciliation", "immunizations", "injections", "instructions", "provider/start", "entries/{entryId:guid}/entered-in-error",
            "orders/lab", "orders/referral", "completion",
        }.Select(action => Record($"POST {Encounter}/{action}", Clinician, "visitId")),
        Listed("GET /api/intake/rooms/", Clinician),
        Record("POST /api/intake/rooms/{clinic}/{room}/cleaned", Clinician, "clinic"),
        .. Operations("intake"),
    ];

    /// <summary>A visit checked in at the north clinic and roomed in its EXAM-1.</summary>
    protected override async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        var visitId = (await factory.CheckInAndWaitAsync(IntakeFactory.CheckIn(clinic: OwnClinic))).ReadAs<EncounterDetails>().VisitId;
        var rooming = await factory.CreateClient(Roles.Clinician)
            .PostAsJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room = "EXAM-1" });
        rooming.StatusCode.Should().Be(HttpStatusCode.OK, await rooming.Content.ReadAsStringAsync());
        return new Dictionary<string, string> { ["visitId"] = visitId.ToString(), ["clinic"] = OwnClinic, ["room"] = "EXAM-1" };
    }
}
