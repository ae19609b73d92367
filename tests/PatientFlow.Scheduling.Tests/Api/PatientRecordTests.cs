using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Testing;
using PatientDetails = PatientFlow.Scheduling.Patients.PatientDetails;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>Likely duplicates and corrections of a patient's record through the API.</summary>
public class PatientRecordTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static object Person(string lastName, string[]? notDuplicateOf = null) => new
    {
        mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Grace", lastName, dateOfBirth = "1975-06-01", sex = "female", clinic = "north", notDuplicateOf,
    };

    [Fact]
    public async Task Register_SameNameAndBirthDate_RefusedUntilConfirmedThenCreatedFlagged()
    {
        var desk = factory.FrontDesk();
        var lastName = $"Hopper-{Guid.NewGuid():N}"[..16];
        var flagged = factory.Listen<PossibleDuplicatePatientFlagged>();
        var first = (await SchedulingFactory.PostAsync<PatientDetails>(desk, "/api/scheduling/patients", Person(lastName))).PatientId.ToString();

        var refused = await desk.PostAsJsonAsync("/api/scheduling/patients", Person(lastName.ToUpperInvariant()));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var confirmed = await SchedulingFactory.PostAsync<PatientDetails>(desk, "/api/scheduling/patients", Person(lastName, [first]));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("conflict").GetString().Should().Be("possible-duplicate");
        problem.GetProperty("conflictingId").GetString().Should().Be(first);
        var secondId = confirmed.PatientId;
        confirmed.LikelyDuplicateOf.Should().Equal(Guid.Parse(first));
        (await flagged.WaitForAsync(f => f.PatientId == secondId)).LikelyDuplicateOf.Should().Equal(Guid.Parse(first));
        (await desk.GetAsync("/api/scheduling/patients/possible-duplicates").ReadAsAsync<IReadOnlyList<PatientDetails>>())
            .Select(p => p.PatientId).Should().Contain(secondId);
    }

    [Fact]
    public async Task Correct_PhoneAndInsurance_ShowsNewValuesKeepsHistoryAndHonoursIfMatch()
    {
        var desk = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var etag = (await desk.GetAsync($"/api/scheduling/patients/{patientId}")).Headers.ETag!.Tag;

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/patients/{patientId}/corrections")
        {
            Content = JsonContent.Create(new { phone = "555-0199", insuranceMemberId = "W777", reason = "new insurance card" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var corrected = await desk.SendAsync(request);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/patients/{patientId}/corrections")
        {
            Content = JsonContent.Create(new { phone = "555-0000", reason = "typo" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await desk.SendAsync(stale);

        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var patient = await corrected.ReadAsAsync<PatientDetails>();
        patient.InsuranceMemberId.Should().Be("W777");
        var change = patient.Corrections![0].Changes.Single(c => c.Field == "insuranceMemberId");
        change.Previous.Should().Be("W123");
        refused.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Find_ByMrn_ReturnsThePatient()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var created = await SchedulingFactory.PostAsync<PatientDetails>(factory.FrontDesk(), "/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = $"Find-{Guid.NewGuid():N}"[..16], dateOfBirth = "1990-01-01", sex = "female", clinic = "north" });

        var found = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients/search", new { mrn = mrn.ToLowerInvariant() })
            .ReadAsAsync<IReadOnlyList<PatientDetails>>();

        found.Single().PatientId.Should().Be(created.PatientId);
    }

    [Fact]
    public async Task Find_ByLastNameAndBirthDate_InTheBody_ReturnsThePatient_AndTheUrlCarriesNoSearchTerms()
    {
        var lastName = $"Body-{Guid.NewGuid():N}"[..16];
        var created = await SchedulingFactory.PostAsync<PatientDetails>(factory.FrontDesk(), "/api/scheduling/patients",
            new { mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Ada", lastName, dateOfBirth = "1991-02-03", sex = "female", clinic = "north" });

        var found = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients/search", new { lastName, dateOfBirth = "1991-02-03" })
            .ReadAsAsync<IReadOnlyList<PatientDetails>>();
        var byQuery = await factory.FrontDesk().GetAsync($"/api/scheduling/patients?lastName={lastName}&dateOfBirth=1991-02-03");

        found.Single().PatientId.Should().Be(created.PatientId);
        byQuery.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, "a search by name and birth date is not taken from the URL");
    }
}
