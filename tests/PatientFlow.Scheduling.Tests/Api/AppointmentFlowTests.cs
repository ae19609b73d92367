using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PatientFlow.ServiceDefaults.Auth;
using Contract = PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Scheduling.Tests.Api;

public class AppointmentFlowTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task BookCheckInCheckOut_FreeSlot_PublishesTheVisitsMilestonesWithOneVisitId()
    {
        var booked = factory.Listen<Contract.AppointmentBooked>();
        var arrived = factory.Listen<Contract.PatientCheckedIn>();
        var departed = factory.Listen<Contract.PatientCheckedOut>();
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(2);

        var appointment = await SchedulingFactory.PostAsync(client, "/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var visitId = Guid.Parse(appointment.GetProperty("appointmentId").GetString()!);
        appointment.GetProperty("visitId").GetGuid().Should().Be(visitId);
        (await client.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        var checkedOut = await client.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-out", new { });

        checkedOut.StatusCode.Should().Be(HttpStatusCode.OK);
        (await checkedOut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("checked-out");
        var bookedEvent = await booked.WaitForAsync(e => e.VisitId == visitId);
        bookedEvent.PatientId.Should().Be(Guid.Parse(patientId));
        bookedEvent.SlotId.Should().Be(Guid.Parse(slots[0]));
        bookedEvent.Clinic.Should().Be("north");
        (await arrived.WaitForAsync(e => e.VisitId == visitId)).ProviderId.Should().Be(Guid.Parse(providerId));
        (await departed.WaitForAsync(e => e.VisitId == visitId)).PatientId.Should().Be(Guid.Parse(patientId));
    }

    [Fact]
    public async Task Book_TakenSlot_Returns409AndLeavesTheFirstBooking()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        await SchedulingFactory.PostAsync(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });

        var second = await client.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "new-patient" });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var free = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/providers/{providerId}/slots?status=free");
        free.GetProperty("slots").GetArrayLength().Should().Be(0);
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
        var provider = await factory.FrontDesk().GetFromJsonAsync<JsonElement>($"/api/scheduling/providers/{providerId}");
        provider.GetProperty("slots")[0].GetProperty("status").GetString().Should().Be("booked");
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

    [Fact]
    public async Task CheckOut_BeforeCheckIn_Returns409AndAppointmentStaysBooked()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var appointment = await SchedulingFactory.PostAsync(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var id = appointment.GetProperty("appointmentId").GetString();

        var response = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-out", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments/{id}")).GetProperty("status").GetString().Should().Be("booked");
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
        var free = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/providers/{providerId}/slots?status=free");
        free.GetProperty("slots").GetArrayLength().Should().Be(1);
    }
}
