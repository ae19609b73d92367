using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Scheduling.Appointments.Sweeping;

namespace PatientFlow.Scheduling.Tests.Api;

public class WaitlistFlowTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task Cancel_WithTwoPatientsWaiting_OffersTheSlotToTheFirstThenTheNextWhenDeclinedAndBooksOnAcceptance()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, DateTimeOffset.UtcNow.AddDays(5));
        var desk = factory.FrontDesk();
        var offers = factory.Listen<WaitlistOfferMade>();
        var visitId = (await SchedulingFactory.PostAsync(desk, "/api/scheduling/appointments",
            new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "follow-up" })).GetProperty("appointmentId").GetString();
        var firstEntry = (await SchedulingFactory.PostAsync(desk, "/api/scheduling/waitlist", new { patientId = await factory.RegisterPatientAsync(), visitType = "follow-up", providerId }))
            .GetProperty("entryId").GetGuid();
        var secondPatient = await factory.RegisterPatientAsync();
        var secondEntry = (await SchedulingFactory.PostAsync(desk, "/api/scheduling/waitlist", new { patientId = secondPatient, visitType = "follow-up", providerId }))
            .GetProperty("entryId").GetGuid();

        (await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/cancellation", new { reason = "patient called" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await offers.WaitForAsync(o => o.WaitlistEntryId == firstEntry)).SlotId.Should().Be(Guid.Parse(slots[0]));
        var held = await desk.PostAsJsonAsync("/api/scheduling/appointments", new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "follow-up" });
        held.StatusCode.Should().Be(HttpStatusCode.Conflict, "the slot is held for the waitlisted patient");

        (await desk.PostAsync($"/api/scheduling/waitlist/{firstEntry}/declination", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await offers.WaitForAsync(o => o.WaitlistEntryId == secondEntry);
        var accepted = await desk.PostAsync($"/api/scheduling/waitlist/{secondEntry}/acceptance", null);

        accepted.StatusCode.Should().Be(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var appointment = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        appointment.GetProperty("patientId").GetString().Should().Be(secondPatient);
        appointment.GetProperty("bookedVia").GetString().Should().Be("waitlist");
        (await desk.GetFromJsonAsync<JsonElement>($"/api/scheduling/waitlist/{secondEntry}")).GetProperty("status").GetString().Should().Be("booked");
        (await desk.GetFromJsonAsync<JsonElement>($"/api/scheduling/waitlist/{firstEntry}")).GetProperty("status").GetString().Should().Be("waiting");
    }

    [Fact]
    public async Task Sweep_AfterTheOfferWindow_ExpiresTheOfferAndFreesTheSlot()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, DateTimeOffset.UtcNow.AddDays(5).AddHours(3));
        var desk = factory.FrontDesk();
        var visitId = (await SchedulingFactory.PostAsync(desk, "/api/scheduling/appointments",
            new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "follow-up" })).GetProperty("appointmentId").GetString();
        var entry = (await SchedulingFactory.PostAsync(desk, "/api/scheduling/waitlist", new { patientId = await factory.RegisterPatientAsync(), visitType = "follow-up", providerId }))
            .GetProperty("entryId").GetGuid();
        (await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/cancellation", new { reason = "clinic moved it" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var until = (await desk.GetFromJsonAsync<JsonElement>($"/api/scheduling/waitlist/{entry}")).GetProperty("offer").GetProperty("until").GetDateTimeOffset();

        await factory.Services.GetRequiredService<AppointmentSweeper>().SweepAsync(until.AddSeconds(1), CancellationToken.None);

        (await desk.GetFromJsonAsync<JsonElement>($"/api/scheduling/waitlist/{entry}")).GetProperty("status").GetString().Should().Be("waiting");
        (await desk.GetFromJsonAsync<JsonElement>($"/api/scheduling/providers/{providerId}/slots?status=free")).GetProperty("slots").GetArrayLength().Should().Be(1);
        (await desk.PostAsync($"/api/scheduling/waitlist/{entry}/acceptance", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
