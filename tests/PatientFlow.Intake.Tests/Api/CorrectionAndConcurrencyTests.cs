using System.Net.Http.Headers;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Intake.Encounters.GettingDetails;

namespace PatientFlow.Intake.Tests.Api;

/// <summary>Vitals entered wrong are corrected by a new event with history kept; ETag/If-Match and ?asOf= on the encounter.</summary>
public class CorrectionAndConcurrencyTests(IntakeFactory factory) : IClassFixture<IntakeFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);

    [Fact]
    public async Task CorrectVitals_WrongHeartRate_CorrectedInPlaceHistoryKeptContractPublishedAndAsOfShowsTheOld()
    {
        var corrections = factory.Listen<VitalsCorrected>();
        var recordedVitals = factory.Listen<VitalsRecorded>();
        var checkedIn = IntakeFactory.CheckIn();
        var visit = checkedIn.VisitId;
        await factory.CheckInAndWaitAsync(checkedIn);
        var taken = DateTimeOffset.UtcNow.AddMinutes(-20);
        var recorded = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/vitals", new { heartRate = 180, takenAt = taken });
        recorded.StatusCode.Should().Be(HttpStatusCode.OK);
        var set = (await recorded.ReadAsAsync<EncounterDetails>()).Vitals[0];
        var setId = set.Id;
        (await recordedVitals.WaitForAsync(e => e.VisitId == visit)).EventId.Should().Be(setId, "a set is named by its integration event id");
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(50);

        var corrected = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/vitals/{setId}/correction", new { heartRate = 80, reason = "typed 180 for 80" });

        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var now = (await corrected.ReadAsAsync<EncounterDetails>()).Vitals.Should().ContainSingle().Subject;
        now.Observations[0].Value.Should().Be(80);
        now.TakenAt.Should().BeCloseTo(taken, TimeSpan.FromMilliseconds(1));
        var amendment = now.Corrections.Should().ContainSingle().Subject;
        amendment.PreviousObservations[0].Value.Should().Be(180);
        amendment.Reason.Should().Be("typed 180 for 80");
        var published = await corrections.WaitForAsync(e => e.VisitId == visit);
        published.CorrectedEventId.Should().Be(setId);
        published.Observations.Should().ContainSingle().Which.Value.Should().Be(80);

        var then = await _clinician.GetAsync($"/api/intake/encounters/{visit}?asOf={Uri.EscapeDataString(beforeCorrection.ToString("O"))}").ReadAsAsync<EncounterDetails>();
        then.Vitals[0].Observations[0].Value.Should().Be(180);
    }

    [Fact]
    public async Task CorrectVitals_UnknownSet_404()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);

        var response = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/vitals/{Guid.CreateVersion7()}/correction", new { heartRate = 80, reason = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rooming_StaleIfMatch_412AndCurrentIfMatchSucceedsWithNextETag()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);
        var visit = checkedIn.VisitId;
        var etag = (await _clinician.GetAsync($"/api/intake/encounters/{visit}")).Headers.ETag;
        etag.Should().Be(new EntityTagHeaderValue("\"1\""));

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/encounters/{visit}/rooming") { Content = JsonContent.Create(new { room = "EXAM-1" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        (await _clinician.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        var current = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/encounters/{visit}/rooming") { Content = JsonContent.Create(new { room = "EXAM-1" }) };
        current.Headers.IfMatch.Add(etag!);
        var response = await _clinician.SendAsync(current);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"2\""));
    }
}
