using Marten;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public class AccessTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task GetPatient_NoToken_Returns401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync($"/api/scheduling/patients/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BookAppointment_NoToken_Returns401()
    {
        var response = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/scheduling/appointments",
            new { patientId = Guid.NewGuid(), providerId = Guid.NewGuid(), slotId = Guid.NewGuid(), visitType = "follow-up" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RegisterPatient_BillingRole_Returns403AndStoresNothing()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];

        var response = await factory.CreateClient(Roles.Billing).PostAsJsonAsync("/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = "Example", dateOfBirth = "1980-04-12", sex = "female", clinic = "north" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant())).Should().Be(0);
    }

    [Fact]
    public async Task Book_BillingRole_Returns403AndSlotStaysFree()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.CreateClient(Roles.Billing).PostAsJsonAsync("/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var free = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/slots?status=free").ReadAsAsync<SlotsResponse>();
        free.Slots.Should().HaveCount(1);
    }

    [Fact]
    public async Task Book_Ops_Returns403AndSlotStaysFree()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.Ops().PostAsJsonAsync("/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "operations run the clinic's flow; the desk books");
        var free = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/slots?status=free").ReadAsAsync<SlotsResponse>();
        free.Slots.Should().HaveCount(1);
    }

    [Fact]
    public async Task ReadAndSearchDemographics_Ops_Return403()
    {
        var patientId = await factory.RegisterPatientAsync();

        var read = await factory.Ops().GetAsync($"/api/scheduling/patients/{patientId}");
        var search = await factory.Ops().PostAsJsonAsync("/api/scheduling/patients/search", new { mrn = "MRN-1" });

        read.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        search.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CorrectPatient_Clinician_Returns403()
    {
        var patientId = await factory.RegisterPatientAsync();

        var response = await factory.CreateClient(Roles.Clinician).PostAsJsonAsync($"/api/scheduling/patients/{patientId}/corrections",
            new { phone = "555-0100", reason = "patient called" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "clinicians read demographics; the desk corrects them");
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.Ops)]
    public async Task GetProvider_OtherSchedulingRoles_Return200(string role)
    {
        var (providerId, _) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.CreateClient(role).GetAsync($"/api/scheduling/providers/{providerId}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
