using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Providers;
using Marten;
using PatientFlow.Platform.Access;
using PatientFlow.Scheduling.Patients;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>A patient is seen where they were registered and where they have appointments; elsewhere only by breaking the glass.</summary>
public class ClinicScopeTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private HttpClient DeskIn(string clinic) => factory.CreateClient(Caller.Staff(Roles.FrontDesk, clinic));

    private HttpClient ClinicianIn(string clinic) => factory.CreateClient(Caller.Staff(Roles.Clinician, clinic));

    [Fact]
    public async Task SearchReadAndCorrect_FrontDeskOfAnotherClinic_FindNothingAndAnswer404()
    {
        var patientId = await factory.RegisterPatientAsync();
        var patient = await factory.FrontDesk().GetAsync($"/api/scheduling/patients/{patientId}").ReadAsAsync<PatientDetails>();
        var south = DeskIn("south");

        var found = await south.PostAsJsonAsync("/api/scheduling/patients/search", new { mrn = patient.Mrn }).ReadAsAsync<IReadOnlyList<PatientDetails>>();
        var read = await south.GetAsync($"/api/scheduling/patients/{patientId}");
        var corrected = await south.PostAsJsonAsync($"/api/scheduling/patients/{patientId}/corrections", new { phone = "555-0199", reason = "patient called" });

        found.Should().BeEmpty();
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        corrected.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.FrontDesk().GetAsync($"/api/scheduling/patients/{patientId}").ReadAsAsync<PatientDetails>()).Phone.Should().Be(patient.Phone);
        (await DeskIn("north").PostAsJsonAsync("/api/scheduling/patients/search", new { mrn = patient.Mrn }).ReadAsAsync<IReadOnlyList<PatientDetails>>())
            .Should().ContainSingle(p => p.PatientId == patient.PatientId);
    }

    [Fact]
    public async Task ReadPatient_BookedAtAnotherClinic_IsSeenThereToo()
    {
        var patientId = await factory.RegisterPatientAsync();
        await FrontDeskSetup.EnsureClinicAsync(factory.Ops(), "east");
        var provider = await SchedulingFactory.PostAsync<JsonElement>(factory.FrontDesk(), "/api/scheduling/providers", new { name = "Dr. East", specialty = "cardiology", clinic = "east" });
        var providerId = provider.GetProperty("providerId").GetString();
        var slots = await SchedulingFactory.PostAsync<JsonElement>(factory.FrontDesk(), $"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(2).ToString("O"), durationMinutes = 20, count = 1 });
        var east = DeskIn("east");
        (await east.GetAsync($"/api/scheduling/patients/{patientId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var booked = await east.PostAsJsonAsync("/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots.GetProperty("slots")[0].GetProperty("slotId").GetString(), visitType = "follow-up" });

        booked.StatusCode.Should().Be(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        (await east.GetAsync($"/api/scheduling/patients/{patientId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await east.GetAsync($"/api/scheduling/patients/{patientId}/appointments").ReadAsAsync<IReadOnlyList<AppointmentDetails>>())
            .Should().OnlyContain(a => a.Clinic == "east");
    }

    [Fact]
    public async Task Book_FrontDeskWithAnotherClinicsProvider_Answers404AndBooksNothing()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.CreateClient(Caller.Staff(Roles.FrontDesk, "south")).PostAsJsonAsync("/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/slots?status=free").ReadAsAsync<SlotsResponse>()).Slots.Should().HaveCount(1);
    }

    [Fact]
    public async Task RegisterPatient_AtAClinicNotTheClerks_Answers403AndStoresNothing()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];

        var response = await DeskIn("north").PostAsJsonAsync("/api/scheduling/patients",
            new { mrn, firstName = "Ada", lastName = "Example", dateOfBirth = "1980-04-12", sex = "female", clinic = "south" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var session = factory.Store.QuerySession();
        (await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn)).Should().Be(0);
    }

    [Fact]
    public async Task ReadPatient_TokenOfAnotherOrganisation_Answers404()
    {
        var patientId = await factory.RegisterPatientAsync();
        var stranger = Caller.Staff(Roles.FrontDesk, "north") with { Organization = "another-health-system" };

        var response = await factory.CreateClient(stranger).GetAsync($"/api/scheduling/patients/{patientId}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BreakTheGlass_ClinicianOfAnotherClinicStatesWhy_ReadsThePatientFlaggedAndRecorded()
    {
        var patientId = await factory.RegisterPatientAsync();
        var clinician = ClinicianIn("south");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scheduling/patients/{patientId}");
        request.Headers.Add(BreakGlass.Header, "unconscious on arrival at the south emergency room");

        var response = await clinician.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var accessId = Guid.Parse(response.Headers.GetValues(BreakGlass.Header).Single());
        await using var session = factory.Store.QuerySession();
        var access = await session.LoadAsync<BreakGlassAccess>(accessId);
        access.Should().NotBeNull();
        access!.Subject.Should().Be($"test-{Roles.Clinician}");
        access.PatientId.Should().Be(Guid.Parse(patientId));
        access.Clinics.Should().Equal("north");
        access.Reason.Should().Be("unconscious on arrival at the south emergency room");
        access.Resource.Should().Contain(patientId);
    }

    [Fact]
    public async Task ReadPatient_ClinicianOfTheClinic_IsNotFlagged()
    {
        var patientId = await factory.RegisterPatientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scheduling/patients/{patientId}");
        request.Headers.Add(BreakGlass.Header, "checking");

        var response = await ClinicianIn("north").SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains(BreakGlass.Header).Should().BeFalse("nothing outside the clinician's clinics was opened");
    }

    [Fact]
    public async Task BreakTheGlass_FrontDesk_Answers403()
    {
        var patientId = await factory.RegisterPatientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scheduling/patients/{patientId}");
        request.Headers.Add(BreakGlass.Header, "patient at our desk");

        var response = await DeskIn("south").SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BreakTheGlass_WithoutAReason_Answers422NamingTheHeader()
    {
        const string reason = "   ";
        var patientId = await factory.RegisterPatientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scheduling/patients/{patientId}");
        request.Headers.TryAddWithoutValidation(BreakGlass.Header, reason);

        var response = await ClinicianIn("south").SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(BreakGlass.Header, out _).Should().BeTrue();
    }

    [Fact]
    public async Task BreakTheGlass_ReasonOverTheLimit_Answers422()
    {
        var patientId = await factory.RegisterPatientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scheduling/patients/{patientId}");
        request.Headers.Add(BreakGlass.Header, new string('x', BreakGlass.MaxReasonLength + 1));

        var response = await ClinicianIn("south").SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }
}
