using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using PatientFlow.Scheduling.Patients;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Tests.Api;

public class ValidationAndAccessTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task RegisterPatient_BirthDateInTheFuture_Returns422NamingTheFieldAndStoresNothing()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];

        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = "Example", dateOfBirth = "2999-01-01", sex = "female" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("dateOfBirth", out _).Should().BeTrue();
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(0);
    }

    [Fact]
    public async Task RegisterPatient_MissingLastName_Returns400NamingTheField()
    {
        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients",
            new { mrn = "MRN-X", firstName = "Ada", dateOfBirth = "1980-01-01", sex = "female" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lastName", out _).Should().BeTrue();
    }

    [Fact]
    public async Task RegisterPatient_SameMrnTwice_Returns409AndKeepsOnePatient()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var body = new { mrn, firstName = "Ada", lastName = "Example", dateOfBirth = "1980-04-12", sex = "female" };
        (await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body)).StatusCode.Should().Be(HttpStatusCode.Created);

        var again = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body with { mrn = mrn.ToLowerInvariant() });

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(1);
    }

    [Fact]
    public async Task OpenSlots_OverlappingExistingSlots_Returns409()
    {
        var (providerId, _) = await factory.ProviderWithSlotsAsync(2);
        var provider = await factory.FrontDesk().GetFromJsonAsync<JsonElement>($"/api/scheduling/providers/{providerId}");
        var firstStart = provider.GetProperty("slots")[0].GetProperty("startsAt").GetDateTimeOffset();

        var response = await factory.FrontDesk().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = firstStart.AddMinutes(5), durationMinutes = 20, count = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GetPatient_NoToken_Returns401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync($"/api/scheduling/patients/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RegisterPatient_BillingRole_Returns403AndStoresNothing()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];

        var response = await factory.CreateClient(Roles.Billing).PostAsJsonAsync("/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = "Example", dateOfBirth = "1980-04-12", sex = "female" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(0);
    }
}
