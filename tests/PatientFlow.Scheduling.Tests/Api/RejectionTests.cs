using Marten;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>Bad input and unknown ids get a clear 4xx and change nothing.</summary>
public class RejectionTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task Book_BlankVisitType_Returns422NamingTheFieldAndSlotStaysFree()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = " " });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("visitType", out _).Should().BeTrue();
        var free = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/slots?status=free").ReadAsAsync<SlotsResponse>();
        free.Slots.Should().HaveCount(1);
    }

    [Fact]
    public async Task Book_UnknownPatientOrSlot_Returns404AndBooksNothing()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        var unknownPatient = await client.PostAsJsonAsync("/api/scheduling/appointments", new { patientId = Guid.NewGuid(), providerId, slotId = slots[0], visitType = "follow-up" });
        var unknownSlot = await client.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId = Guid.NewGuid(), visitType = "follow-up" });
        var unknownAppointment = await client.PostAsJsonAsync($"/api/scheduling/appointments/{Guid.NewGuid()}/check-in", new { });

        unknownPatient.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownSlot.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownAppointment.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var free = await client.GetAsync($"/api/scheduling/providers/{providerId}/slots?status=free").ReadAsAsync<SlotsResponse>();
        free.Slots.Should().HaveCount(1);
        (await AppointmentsOf(providerId)).Should().Be(0);
    }

    [Fact]
    public async Task Requests_UnknownIds_Return404()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var unknown = Guid.NewGuid();

        var responses = new[]
        {
            await client.GetAsync($"/api/scheduling/patients/{unknown}"),
            await client.GetAsync($"/api/scheduling/providers/{unknown}"),
            await client.GetAsync($"/api/scheduling/providers/{unknown}/slots"),
            await client.GetAsync($"/api/scheduling/appointments/{unknown}"),
            await client.PostAsJsonAsync($"/api/scheduling/providers/{unknown}/slots", new { startsAt = DateTimeOffset.UtcNow.AddDays(1), durationMinutes = 20, count = 1 }),
            await client.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId = unknown, slotId = Guid.NewGuid(), visitType = "follow-up" }),
            await client.PostAsync($"/api/scheduling/appointments/{unknown}/check-out", content: null),
        };

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.NotFound);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(unknown)).Should().BeNull("a 404 must not start a stream");
    }

    [Fact]
    public async Task CheckOut_BeforeCheckIn_Returns409AndAppointmentStaysBooked()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var appointment = await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var id = appointment.AppointmentId;

        var response = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-out", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.GetAsync($"/api/scheduling/appointments/{id}").ReadAsAsync<AppointmentDetails>()).Status.Should().Be(AppointmentStatus.Booked);
    }

    private async Task<int> AppointmentsOf(string providerId)
    {
        await using var session = factory.Store.QuerySession();
        var id = Guid.Parse(providerId);
        return await session.Query<AppointmentDetails>().CountAsync(a => a.ProviderId == id);
    }
}
