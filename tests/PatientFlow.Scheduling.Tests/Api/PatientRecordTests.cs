using PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>Likely duplicates and corrections of a patient's record through the API.</summary>
public class PatientRecordTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static object Person(string lastName, string[]? notDuplicateOf = null) => new
    {
        mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Grace", lastName, dateOfBirth = "1975-06-01", sex = "female", notDuplicateOf,
    };

    [Fact]
    public async Task Register_SameNameAndBirthDate_RefusedUntilConfirmedThenCreatedFlagged()
    {
        var desk = factory.FrontDesk();
        var lastName = $"Hopper-{Guid.NewGuid():N}"[..16];
        var flagged = factory.Listen<PossibleDuplicatePatientFlagged>();
        var first = (await SchedulingFactory.PostAsync(desk, "/api/scheduling/patients", Person(lastName))).GetProperty("patientId").GetString()!;

        var refused = await desk.PostAsJsonAsync("/api/scheduling/patients", Person(lastName.ToUpperInvariant()));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var confirmed = await SchedulingFactory.PostAsync(desk, "/api/scheduling/patients", Person(lastName, [first]));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        problem.GetProperty("conflict").GetString().Should().Be("possible-duplicate");
        problem.GetProperty("conflictingId").GetString().Should().Be(first);
        var secondId = confirmed.GetProperty("patientId").GetGuid();
        confirmed.GetProperty("likelyDuplicateOf").EnumerateArray().Select(e => e.GetString()).Should().Equal(first);
        (await flagged.WaitForAsync(f => f.PatientId == secondId)).LikelyDuplicateOf.Should().Equal(Guid.Parse(first));
        (await desk.GetFromJsonAsync<JsonElement>("/api/scheduling/patients/possible-duplicates")).EnumerateArray()
            .Select(p => p.GetProperty("patientId").GetGuid()).Should().Contain(secondId);
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
        var patient = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        patient.GetProperty("insuranceMemberId").GetString().Should().Be("W777");
        var change = patient.GetProperty("corrections")[0].GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("field").GetString() == "insuranceMemberId");
        change.GetProperty("previous").GetString().Should().Be("W123");
        refused.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Find_ByMrn_ReturnsThePatient()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var created = await SchedulingFactory.PostAsync(factory.FrontDesk(), "/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = $"Find-{Guid.NewGuid():N}"[..16], dateOfBirth = "1990-01-01", sex = "female" });

        var found = await factory.FrontDesk().GetFromJsonAsync<JsonElement>($"/api/scheduling/patients?mrn={mrn.ToLowerInvariant()}");

        found.EnumerateArray().Single().GetProperty("patientId").GetString().Should().Be(created.GetProperty("patientId").GetString());
    }
}
