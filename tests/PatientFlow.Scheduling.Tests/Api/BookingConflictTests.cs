using Marten;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public class BookingConflictTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task Book_TakenSlot_Returns409AndLeavesTheFirstBooking()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var first = await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });

        var second = await client.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "new-patient" });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("fully booked");
        problem.GetProperty("conflict").GetString().Should().Be("provider");
        problem.GetProperty("conflictingId").GetString().Should().Be(providerId);
        var booked = await client.GetAsync($"/api/scheduling/providers/{providerId}/slots?status=booked").ReadAsAsync<SlotsResponse>();
        booked.Slots.Select(s => s.AppointmentId).Should().Equal(first.AppointmentId);
        (await AppointmentsOf(providerId)).Should().Be(1);
    }

    [Fact]
    public async Task Book_SameSlotConcurrently_ExactlyOneBookingWins()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            factory.FrontDesk().PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" })));

        attempts.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(5);
        var provider = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}").ReadAsAsync<ProviderDetails>();
        provider.Slots[0].Status.Should().Be(SlotStatus.Booked);
        (await AppointmentsOf(providerId)).Should().Be(1);
    }

    [Fact]
    public async Task Book_DifferentSlotsOfOneProviderConcurrently_AllSucceed()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(3);

        var attempts = await Task.WhenAll(slots.Select(slotId =>
            factory.FrontDesk().PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId, visitType = "follow-up" })));

        attempts.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
    }

    private async Task<int> AppointmentsOf(string providerId)
    {
        await using var session = factory.Store.QuerySession();
        var id = Guid.Parse(providerId);
        return await session.Query<AppointmentDetails>().CountAsync(a => a.ProviderId == id);
    }
}
