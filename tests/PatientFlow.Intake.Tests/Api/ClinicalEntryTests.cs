using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Intake.Rooms;

namespace PatientFlow.Intake.Tests.Api;

/// <summary>Everything the care team records during a visit, through the API, and what the rest of the platform hears.</summary>
public class ClinicalEntryTests(IntakeFactory factory) : IClassFixture<IntakeFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);

    private async Task<HttpResponseMessage> PostAsync(Guid visit, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{visit}/{path}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return response;
    }

    /// <summary>The encounter the factory waited for, read as the service's own record with the services' JSON options.</summary>

    [Fact]
    public async Task Visit_EveryClinicalEntry_IsShownOnTheEncounterAndPublishedForTheVisit()
    {
        var complaint = factory.Listen<ChiefComplaintRecorded>();
        var allergies = factory.Listen<AllergyRecorded>();
        var medications = factory.Listen<MedicationsReconciled>();
        var immunizations = factory.Listen<ImmunizationAdministered>();
        var instructions = factory.Listen<InstructionsGiven>();
        var started = factory.Listen<ProviderEncounterStarted>();
        var inError = factory.Listen<EntryEnteredInError>();
        var checkedIn = IntakeFactory.CheckIn();
        var visit = checkedIn.VisitId;
        await factory.CheckInAndWaitAsync(checkedIn);
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3).ToString("O");

        await PostAsync(visit, "rooming", new { room = "EXAM-1" });
        await PostAsync(visit, "chief-complaint", new { text = "sore throat", onset = "3 days" });
        await PostAsync(visit, "problems", new { description = "Hypertension", icd10Code = "I10", status = "active" });
        await PostAsync(visit, "allergies", new { substance = "penicillin", reaction = "hives", severity = "moderate", kind = "drug" });
        await PostAsync(visit, "medications/reconciliation", new
        {
            medications = new object[]
            {
                new { name = "lisinopril", dose = "10 mg", frequency = "daily", status = "continued" },
                new { name = "ibuprofen", status = "stopped", reason = "gastritis" },
            },
        });
        await PostAsync(visit, "immunizations", new { cvxCode = "141", lot = "LOT-1", expiresOn = expires, site = "left-deltoid", route = "IM", doseAmount = 0.5, doseUnit = "mL" });
        await PostAsync(visit, "injections", new { drug = "ceftriaxone", hcpcsCode = "J0696", lot = "LOT-2", expiresOn = expires, site = "right-gluteal", route = "IM", doseAmount = 250, doseUnit = "mg" });
        await PostAsync(visit, "provider/start", null);
        var encounter = await PostAsync(visit, "instructions", new { kind = "post-visit-care", topic = "Sore throat", text = "Fluids and rest." }).ReadAsAsync<EncounterDetails>();

        encounter.ChiefComplaints![0].Value.Text.Should().Be("sore throat");
        encounter.Problems![0].Value.Icd10Code.Should().Be("I10");
        encounter.MedicationReconciliations![0].Value.Medications.Should().HaveCount(2);
        encounter.Injections![0].Value.Given.Lot.Should().Be("LOT-2");
        encounter.ProviderStartedAt.Should().NotBeNull();
        (await complaint.WaitForAsync(e => e.VisitId == visit)).Text.Should().Be("sore throat");
        (await medications.WaitForAsync(e => e.VisitId == visit)).Medications.Select(m => m.Status).Should().Equal("continued", "stopped");
        (await immunizations.WaitForAsync(e => e.VisitId == visit)).Given.ExpiresOn.ToString("O").Should().Be(expires);
        (await instructions.WaitForAsync(e => e.VisitId == visit)).Kind.Should().Be("post-visit-care");
        await started.WaitForAsync(e => e.VisitId == visit);

        // The allergy was the wrong patient's: entered in error, it stays listed, marked, and consumers are told.
        var allergy = await allergies.WaitForAsync(e => e.VisitId == visit);
        var marked = await PostAsync(visit, $"entries/{allergy.EventId}/entered-in-error", new { reason = "wrong patient" }).ReadAsAsync<EncounterDetails>();
        marked.Allergies![0].EnteredInError!.Reason.Should().Be("wrong patient");
        (await inError.WaitForAsync(e => e.VisitId == visit)).Should().Match<EntryEnteredInError>(e => e.EntryEventId == allergy.EventId && e.EntryKind == "allergy");
        await PostAsync(visit, $"entries/{allergy.EventId}/entered-in-error", new { reason = "again" }, HttpStatusCode.Conflict);
        await PostAsync(visit, "allergies/none-known", null);
    }

    [Fact]
    public async Task Immunize_WithALotThatExpired_Answers422NamingExpiresOnAndRecordsNothing()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);
        var expired = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("O");

        var problem = await PostAsync(checkedIn.VisitId, "immunizations",
            new { cvxCode = "141", lot = "OLD", expiresOn = expired, site = "left-deltoid", route = "IM", doseAmount = 0.5, doseUnit = "mL" }, HttpStatusCode.UnprocessableEntity)
            .ReadAsAsync<JsonElement>();

        problem.GetProperty("errors").TryGetProperty("expiresOn", out _).Should().BeTrue();
        (await factory.WaitForEncounterAsync(checkedIn.VisitId)).ReadAs<EncounterDetails>().Immunizations.Should().BeEmpty();
    }

    [Fact]
    public async Task Room_TwoVisitsIntoOneFreeRoomConcurrently_ExactlyOneIsRoomed()
    {
        var clinic = $"race-{Guid.NewGuid():N}"[..12];
        for (var round = 0; round < 5; round++)
        {
            var first = IntakeFactory.CheckIn(clinic: clinic);
            var second = IntakeFactory.CheckIn(clinic: clinic);
            await Task.WhenAll(factory.CheckInAndWaitAsync(first), factory.CheckInAndWaitAsync(second));
            var room = $"EXAM-{round}";

            var attempts = await Task.WhenAll(
                _clinician.PostAsJsonAsync($"/api/intake/encounters/{first.VisitId}/rooming", new { room }),
                _clinician.PostAsJsonAsync($"/api/intake/encounters/{second.VisitId}/rooming", new { room }));

            attempts.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var rooms = await _clinician.GetAsync($"/api/intake/rooms?clinic={clinic}").ReadAsAsync<List<RoomDetails>>();
            var board = rooms.Single(r => r.Room == room);
            board.Status.Should().Be(RoomStatus.Occupied);
        }
    }

    [Fact]
    public async Task RoomBoard_MoveThenComplete_OldRoomNeedsCleaningAndIsFreeOnceCleaned()
    {
        var checkedIn = IntakeFactory.CheckIn();
        var clinic = checkedIn.Clinic;
        var visit = checkedIn.VisitId;
        await factory.CheckInAndWaitAsync(checkedIn);

        await PostAsync(visit, "rooming", new { room = "EXAM-1" });
        var moved = await PostAsync(visit, "rooming", new { room = "EXAM-2" }).ReadAsAsync<EncounterDetails>();
        var other = IntakeFactory.CheckIn(clinic: clinic);
        await factory.CheckInAndWaitAsync(other);
        await PostAsync(other.VisitId, "rooming", new { room = "EXAM-1" }, HttpStatusCode.Conflict);
        (await _clinician.PostAsync($"/api/intake/rooms/{clinic}/EXAM-1/cleaned", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await PostAsync(other.VisitId, "rooming", new { room = "EXAM-1" });
        await PostAsync(visit, "completion", new { diagnoses = new[] { new { code = "J02.9", primary = true } }, procedures = new[] { new { code = "99213" } } });

        moved.RoomMoves!.Select(m => m.To).Should().Equal("EXAM-1", "EXAM-2");
        var rooms = (await _clinician.GetAsync($"/api/intake/rooms?clinic={clinic}").ReadAsAsync<List<RoomDetails>>())
            .ToDictionary(r => r.Room, r => r.Status);
        rooms.Should().BeEquivalentTo(new Dictionary<string, RoomStatus> { ["EXAM-1"] = RoomStatus.Occupied, ["EXAM-2"] = RoomStatus.NeedsCleaning });
    }

    [Fact]
    public async Task OrderLab_WithoutTheLabServiceConfigured_Answers503AndRecordsNothing()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);

        var response = await _clinician.PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/orders/lab", new { testCodes = new[] { "4548-4" } });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        (await factory.WaitForEncounterAsync(checkedIn.VisitId)).ReadAs<EncounterDetails>().LabOrders.Should().BeEmpty();
    }
}
