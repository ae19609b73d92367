using Marten;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Platform.EventStore;
using EncounterStatus = PatientFlow.Intake.Encounters.EncounterStatus;

namespace PatientFlow.Intake.Tests.Api;

public class EncounterFlowTests(IntakeFactory factory) : IClassFixture<IntakeFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);

    [Fact]
    public async Task CheckInToCompletion_FullVisit_PublishesFourIntakeEventsForTheVisit()
    {
        var opened = factory.Listen<EncounterOpened>();
        var roomed = factory.Listen<PatientRoomed>();
        var vitals = factory.Listen<VitalsRecorded>();
        var completed = factory.Listen<EncounterCompleted>();
        var checkedIn = IntakeFactory.CheckIn();
        var visit = checkedIn.VisitId;

        var encounter = (await factory.CheckInAndWaitAsync(checkedIn)).ReadAs<EncounterDetails>();
        encounter.Status.Should().Be(EncounterStatus.Open);
        encounter.PatientId.Should().Be(checkedIn.PatientId);
        encounter.Clinic.Should().Be(checkedIn.Clinic);

        var rooming = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/rooming", new { room = "EXAM-3" });
        rooming.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rooming.ReadAsAsync<EncounterDetails>()).Status.Should().Be(EncounterStatus.Roomed);

        var recording = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/vitals", new
        {
            systolicBp = 150, diastolicBp = 95, heartRate = 88, temperature = 100.4, temperatureUnit = "F",
            spo2 = 97, height = 70, heightUnit = "in", weight = 200, weightUnit = "lb", painScore = 4,
        });
        recording.StatusCode.Should().Be(HttpStatusCode.OK);
        var latest = (await recording.ReadAsAsync<EncounterDetails>()).Vitals[0].Observations.ToDictionary(o => o.LoincCode, o => (o.Value, o.Abnormal));
        latest["8480-6"].Should().Be((150m, true));
        latest["8310-5"].Should().Be((38.0m, true));
        latest["29463-7"].Should().Be((90.72m, false));
        latest["39156-5"].Should().Be((28.7m, true));
        latest["72514-3"].Should().Be((4m, false));

        var completion = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/completion", new
        {
            diagnoses = new[] { new { code = "j02.9", primary = true }, new { code = "I10", primary = false } },
            procedures = new[] { new { code = "99213", units = 1 }, new { code = "87880", units = 1 } },
        });
        completion.StatusCode.Should().Be(HttpStatusCode.OK);
        var final = await completion.ReadAsAsync<EncounterDetails>();
        final.Status.Should().Be(EncounterStatus.Completed);
        final.Room.Should().Be("EXAM-3");
        final.Diagnoses.Should().Equal("J02.9", "I10");

        (await opened.WaitForAsync(e => e.VisitId == visit)).Should().Match<EncounterOpened>(e =>
            e.PatientId == checkedIn.PatientId && e.ProviderId == checkedIn.ProviderId && e.OccurredAt == checkedIn.OccurredAt);
        (await roomed.WaitForAsync(e => e.VisitId == visit)).Room.Should().Be("EXAM-3");
        (await vitals.WaitForAsync(e => e.VisitId == visit)).Observations.Should().Contain(o => o.LoincCode == "8867-4" && o.Value == 88 && !o.Abnormal);
        var billed = await completed.WaitForAsync(e => e.VisitId == visit);
        billed.Diagnoses.Should().Equal("J02.9", "I10");
        billed.Procedures.Should().BeEquivalentTo([new ProcedurePerformed("99213", 1, []), new ProcedurePerformed("87880", 1, [])], o => o.WithStrictOrdering());
        billed.ProviderId.Should().Be(checkedIn.ProviderId);
    }

    [Fact]
    public async Task PatientCheckedIn_SameEventDeliveredTwice_OpensOneEncounter()
    {
        var opened = factory.Listen<EncounterOpened>();
        var checkedIn = IntakeFactory.CheckIn();

        await factory.PublishAsync(checkedIn);
        await factory.PublishAsync(checkedIn);
        await factory.WaitForEncounterAsync(checkedIn.VisitId);
        await opened.WaitForAsync(e => e.VisitId == checkedIn.VisitId);
        // Give the second delivery time to be consumed and anything it caused time to be relayed.
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(checkedIn.VisitId)).Should().ContainSingle();
        opened.Received.Count(e => e.VisitId == checkedIn.VisitId).Should().Be(1);
    }

    [Fact]
    public async Task PatientCheckedIn_AnotherCheckInForOpenEncounter_IsConsumedAndChangesNothing()
    {
        var first = IntakeFactory.CheckIn();
        var before = await factory.CheckInAndWaitAsync(first);
        var again = IntakeFactory.CheckIn(first.VisitId) with { Clinic = "south" };

        await factory.PublishAsync(again);

        await PatientFlow.Testing.Eventually.Until(async () =>
        {
            await using var session = factory.Store.QuerySession();
            return await session.LoadAsync<HandledIntegrationEvent>(again.EventId);
        }, what: "the second check-in to be handled");
        var after = await factory.WaitForEncounterAsync(first.VisitId);
        after.GetRawText().Should().Be(before.GetRawText());
    }

    [Fact]
    public async Task RecordVitals_ImpossibleHeartRate_Returns422NamingHeartRateAndChangesNothing()
    {
        var visit = (await factory.CheckInAndWaitAsync(IntakeFactory.CheckIn())).ReadAs<EncounterDetails>().VisitId;
        await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/vitals", new { heartRate = 72 });
        var before = await factory.WaitForEncounterAsync(visit);

        var response = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/vitals", new { systolicBp = 120, heartRate = 500 });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("heartRate");
        (await factory.WaitForEncounterAsync(visit)).GetRawText().Should().Be(before.GetRawText());
    }

    [Fact]
    public async Task Completion_SentTwice_Returns409AndKeepsTheFirst()
    {
        var visit = (await factory.CheckInAndWaitAsync(IntakeFactory.CheckIn())).ReadAs<EncounterDetails>().VisitId;
        var first = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/completion",
            new { diagnoses = new[] { new { code = "J02.9", primary = true } }, procedures = new[] { new { code = "99213", units = 1 } } });
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        var second = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/completion",
            new { diagnoses = new[] { new { code = "E11.9", primary = true } }, procedures = new[] { new { code = "99214", units = 1 } } });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await factory.WaitForEncounterAsync(visit)).ReadAs<EncounterDetails>().Diagnoses.Should().Equal("J02.9");
        var rooming = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/rooming", new { room = "EXAM-1" });
        rooming.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Completion_MalformedProcedureCode_Returns422NamingTheEntryAndChangesNothing()
    {
        var before = await factory.CheckInAndWaitAsync(IntakeFactory.CheckIn());
        var visit = before.ReadAs<EncounterDetails>().VisitId;

        var response = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/completion",
            new { diagnoses = new[] { new { code = "J02.9", primary = true } }, procedures = new[] { new { code = "99213", units = 1 }, new { code = "9921", units = 1 } } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("procedures[1].code");
        (await factory.WaitForEncounterAsync(visit)).GetRawText().Should().Be(before.GetRawText());
    }

    [Fact]
    public async Task Rooming_BlankRoom_Returns422NamingRoom()
    {
        var visit = (await factory.CheckInAndWaitAsync(IntakeFactory.CheckIn())).ReadAs<EncounterDetails>().VisitId;

        var response = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/rooming", new { room = "  " });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("room");
        (await factory.WaitForEncounterAsync(visit)).ReadAs<EncounterDetails>().Status.Should().Be(EncounterStatus.Open);
    }

    [Theory]
    [InlineData("rooming", """{"room":"EXAM-3"}""")]
    [InlineData("vitals", """{"heartRate":72}""")]
    [InlineData("completion", """{"diagnoses":[{"code":"J02.9","primary":true}],"procedures":[{"code":"99213","units":1}]}""")]
    public async Task Command_UnknownVisit_Returns404(string command, string body)
    {
        var visit = Guid.CreateVersion7();

        var response = await _clinician.PostAsync($"/api/intake/encounters/{visit}/{command}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(response)).GetProperty("detail").GetString().Should().Contain(visit.ToString());
        (await _clinician.GetAsync($"/api/intake/encounters/{visit}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetEncounter_NoToken_Returns401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync($"/api/intake/encounters/{Guid.CreateVersion7()}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rooming_FrontDeskRole_Returns403AndChangesNothing()
    {
        var visit = (await factory.CheckInAndWaitAsync(IntakeFactory.CheckIn())).ReadAs<EncounterDetails>().VisitId;

        var response = await factory.CreateClient(Roles.FrontDesk)
            .PostAsJsonAsync($"/api/intake/encounters/{visit}/rooming", new { room = "EXAM-3" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.WaitForEncounterAsync(visit)).ReadAs<EncounterDetails>().Status.Should().Be(EncounterStatus.Open);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonDocument>())!.RootElement;

    /// <summary>The encounter the factory waited for, read as the service's own record with the services' JSON options.</summary>
}
