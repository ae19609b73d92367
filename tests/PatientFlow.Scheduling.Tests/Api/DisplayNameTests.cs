using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Patients.Finding;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>The short names a flow board shows: only to the roles that call patients in.</summary>
public class DisplayNameTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private async Task<Guid> RegisterAsync(string firstName, string lastName)
    {
        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", new
        {
            mrn = $"mrn-{Guid.NewGuid():N}"[..20], firstName, lastName, dateOfBirth = "1980-04-12", sex = "female", clinic = "north",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.ReadAsAsync<PatientDetails>()).PatientId;
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Clinician)]
    public async Task DisplayNames_StaffWhoCallPatientsIn_FirstNameAndLastInitialUnknownIdsLeftOut(string role)
    {
        var ada = await RegisterAsync("Ada", $"example-{Guid.NewGuid():N}");
        var grace = await RegisterAsync("Grace", $"Sample-{Guid.NewGuid():N}");
        var unknown = Guid.CreateVersion7();

        var answer = await factory.CreateClient(role).GetAsync($"/api/scheduling/patients/display-names?ids={ada},{grace},{unknown}").ReadAsAsync<DisplayNames>();

        var names = answer.Names;
        names[ada].Should().Be("Ada E.");
        names[grace].Should().Be("Grace S.");
        names.Should().NotContainKey(unknown);
    }

    [Theory]
    [InlineData(Roles.Ops)]
    [InlineData(Roles.Integrator)]
    public async Task DisplayNames_RolesWatchingFlow_Forbidden(string role) =>
        (await factory.CreateClient(role).GetAsync($"/api/scheduling/patients/display-names?ids={Guid.CreateVersion7()}"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    public async Task DisplayNames_NoIdsOrABadOne_422NamingIds(string ids)
    {
        var response = await factory.FrontDesk().GetAsync($"/api/scheduling/patients/display-names?ids={ids}");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ids", out _).Should().BeTrue();
    }

    [Fact]
    public async Task DisplayNames_MoreThanABoardShows_422NamingIds()
    {
        var ids = string.Join(',', Enumerable.Range(0, Patients.Finding.PatientQueries.MostDisplayNames + 1).Select(_ => Guid.CreateVersion7()));

        (await factory.FrontDesk().GetAsync($"/api/scheduling/patients/display-names?ids={ids}")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
