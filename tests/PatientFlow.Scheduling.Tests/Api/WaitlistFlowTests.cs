using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Appointments.Sweeping;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Testing;
using WaitlistEntryDetails = PatientFlow.Scheduling.Waitlist.WaitlistEntryDetails;
using WaitlistStatus = PatientFlow.Scheduling.Waitlist.WaitlistStatus;

namespace PatientFlow.Scheduling.Tests.Api;

public class WaitlistFlowTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task Cancel_WithTwoPatientsWaiting_OffersTheSlotToTheFirstThenTheNextWhenDeclinedAndBooksOnAcceptance()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, DateTimeOffset.UtcNow.AddDays(5));
        var desk = factory.FrontDesk();
        var offers = factory.Listen<WaitlistOfferMade>();
        var visitId = (await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments",
            new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "follow-up" })).AppointmentId;
        var firstEntry = (await SchedulingFactory.PostAsync<WaitlistEntryDetails>(desk, "/api/scheduling/waitlist", new { patientId = await factory.RegisterPatientAsync(), visitType = "follow-up", providerId }))
            .EntryId;
        var secondPatient = await factory.RegisterPatientAsync();
        var secondEntry = (await SchedulingFactory.PostAsync<WaitlistEntryDetails>(desk, "/api/scheduling/waitlist", new { patientId = secondPatient, visitType = "follow-up", providerId }))
            .EntryId;

        (await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/cancellation", new { reason = "patient called" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await offers.WaitForAsync(o => o.WaitlistEntryId == firstEntry)).SlotId.Should().Be(Guid.Parse(slots[0]));
        var held = await desk.PostAsJsonAsync("/api/scheduling/appointments", new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "follow-up" });
        held.StatusCode.Should().Be(HttpStatusCode.Conflict, "the slot is held for the waitlisted patient");

        (await desk.PostAsync($"/api/scheduling/waitlist/{firstEntry}/declination", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await offers.WaitForAsync(o => o.WaitlistEntryId == secondEntry);
        var accepted = await desk.PostAsync($"/api/scheduling/waitlist/{secondEntry}/acceptance", null);

        accepted.StatusCode.Should().Be(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var appointment = await accepted.ReadAsAsync<AppointmentDetails>();
        appointment.PatientId.Should().Be(Guid.Parse(secondPatient));
        appointment.BookedVia.Should().Be("waitlist");
        (await desk.GetAsync($"/api/scheduling/waitlist/{secondEntry}").ReadAsAsync<WaitlistEntryDetails>()).Status.Should().Be(WaitlistStatus.Booked);
        (await desk.GetAsync($"/api/scheduling/waitlist/{firstEntry}").ReadAsAsync<WaitlistEntryDetails>()).Status.Should().Be(WaitlistStatus.Waiting);
    }

    [Fact]
    public async Task Sweep_AfterTheOfferWindow_ExpiresTheOfferAndFreesTheSlot()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, DateTimeOffset.UtcNow.AddDays(5).AddHours(3));
        var desk = factory.FrontDesk();
        var visitId = (await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments",
            new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "follow-up" })).AppointmentId;
        var entry = (await SchedulingFactory.PostAsync<WaitlistEntryDetails>(desk, "/api/scheduling/waitlist", new { patientId = await factory.RegisterPatientAsync(), visitType = "follow-up", providerId }))
            .EntryId;
        (await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/cancellation", new { reason = "clinic moved it" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var until = (await desk.GetAsync($"/api/scheduling/waitlist/{entry}").ReadAsAsync<WaitlistEntryDetails>()).Offer!.Until;

        await factory.Services.GetRequiredService<AppointmentSweeper>().SweepAsync(until.AddSeconds(1), CancellationToken.None);

        (await desk.GetAsync($"/api/scheduling/waitlist/{entry}").ReadAsAsync<WaitlistEntryDetails>()).Status.Should().Be(WaitlistStatus.Waiting);
        (await desk.GetAsync($"/api/scheduling/providers/{providerId}/slots?status=free").ReadAsAsync<SlotsResponse>()).Slots.Should().HaveCount(1);
        (await desk.PostAsync($"/api/scheduling/waitlist/{entry}/acceptance", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
