using Marten;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public class PatientTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task RegisterAndGetPatient_ValidBody_Returns201WithLocationThenTheRegistration()
    {
        var mrn = $"mrn-{Guid.NewGuid():N}"[..20];
        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = UniqueName(), dateOfBirth = "1980-04-12", sex = "unknown", clinic = "north", phone = "555-0100" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);

        var patient = await factory.FrontDesk().GetAsync(response.Headers.Location).ReadAsAsync<PatientDetails>();

        patient.Mrn.Should().Be(mrn.ToUpperInvariant());
        patient.DateOfBirth.Should().Be(new DateOnly(1980, 4, 12));
        patient.Sex.Should().Be(Sex.Unknown);
        patient.Phone.Should().Be("555-0100");
    }

    [Fact]
    public async Task RegisterPatient_BirthDateInTheFuture_Returns422NamingTheFieldAndStoresNothing()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];

        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = "Example", dateOfBirth = "2999-01-01", sex = "female", clinic = "north" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("dateOfBirth", out _).Should().BeTrue();
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(0);
    }

    [Theory]
    [InlineData("mrn", "  ")]
    [InlineData("firstName", "")]
    [InlineData("lastName", " ")]
    [InlineData("dateOfBirth", "1899-12-31")]
    [InlineData("clinic", "")]
    public async Task RegisterPatient_InvalidField_Returns422NamingTheField(string field, string value)
    {
        var body = new Dictionary<string, string>
        {
            ["mrn"] = $"MRN-{Guid.NewGuid():N}"[..20], ["firstName"] = "Ada", ["lastName"] = "Example", ["dateOfBirth"] = "1980-04-12", ["sex"] = "other", ["clinic"] = "north",
        };
        body[field] = value;

        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(field);
    }

    [Fact]
    public async Task RegisterPatient_MissingLastName_Returns400NamingTheField()
    {
        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients",
            new { mrn = "MRN-X", firstName = "Ada", dateOfBirth = "1980-01-01", sex = "female", clinic = "north" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lastName", out _).Should().BeTrue();
    }

    [Fact]
    public async Task RegisterPatient_SameMrnTwice_Returns409AndKeepsOnePatient()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var body = new { mrn, firstName = "Ada", lastName = UniqueName(), dateOfBirth = "1980-04-12", sex = "female", clinic = "north" };
        (await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body)).StatusCode.Should().Be(HttpStatusCode.Created);

        var again = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body with { mrn = mrn.ToLowerInvariant() });

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(1);
    }

    [Fact]
    public async Task RegisterPatient_SameMrnConcurrently_ExactlyOneRegistered()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var body = new { mrn, firstName = "Ada", lastName = UniqueName(), dateOfBirth = "1980-04-12", sex = "female", clinic = "north" };

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body)));

        attempts.Select(r => r.StatusCode).Should().BeEquivalentTo(
            [HttpStatusCode.Created, .. Enumerable.Repeat(HttpStatusCode.Conflict, 5)], string.Join(", ", attempts.Select(r => r.StatusCode)));
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(1);
    }

    private static string UniqueName() => $"Example-{Guid.NewGuid():N}"[..20];
}
