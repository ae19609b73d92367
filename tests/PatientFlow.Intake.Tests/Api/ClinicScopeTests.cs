using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Intake.Tests.Api;

/// <summary>A clinician documents the encounters of their own clinics only.</summary>
public class ClinicScopeTests(IntakeFactory factory) : IClassFixture<IntakeFactory>
{
    [Fact]
    public async Task RecordVitals_ClinicianOfAnotherClinic_Answers404AndRecordsNothing()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);

        var response = await factory.CreateClient(Caller.Staff(Roles.Clinician, "elsewhere"))
            .PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/vitals", new { heartRate = 72 });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.WaitForEncounterAsync(checkedIn.VisitId)).ReadAs<EncounterDetails>().Vitals.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordVitals_ClinicianOfTheVisitsClinic_Records()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);

        var response = await factory.CreateClient(Caller.Staff(Roles.Clinician, checkedIn.Clinic))
            .PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/vitals", new { heartRate = 72 });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await factory.WaitForEncounterAsync(checkedIn.VisitId)).ReadAs<EncounterDetails>().Vitals.Should().ContainSingle();
    }

    [Fact]
    public async Task ListRooms_OfAClinicNotTheCallers_IsEmpty()
    {
        var checkedIn = IntakeFactory.CheckIn();
        await factory.CheckInAndWaitAsync(checkedIn);
        await factory.CreateClient(Roles.Clinician).PostAsJsonAsync($"/api/intake/encounters/{checkedIn.VisitId}/rooming", new { room = "EXAM-2" });

        var rooms = await factory.CreateClient(Caller.Staff(Roles.Clinician, "elsewhere")).GetAsync($"/api/intake/rooms?clinic={checkedIn.Clinic}")
            .ReadAsAsync<IReadOnlyList<JsonElement>>();

        rooms.Should().BeEmpty();
    }
}
