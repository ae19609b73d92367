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
        appointment.GetProperty("status").GetString().Should().Be("booked");
        var arrivedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        var checkedIn = await client.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", SchedulingFactory.Confirmed(arrivedAt));
        checkedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await checkedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("checked-in");
        var checkedOut = await client.PostAsync($"/api/scheduling/appointments/{visitId}/check-out", content: null);

        checkedOut.StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments/{visitId}");
        details.GetProperty("status").GetString().Should().Be("checked-out");
        details.GetProperty("arrivedAt").GetDateTimeOffset().Should().BeCloseTo(arrivedAt, TimeSpan.FromMilliseconds(1));
        var departedAt = details.GetProperty("departedAt").GetDateTimeOffset();
        var bookedEvent = await booked.WaitForAsync(e => e.VisitId == visitId);
        bookedEvent.Should().BeEquivalentTo(new
        {
            PatientId = Guid.Parse(patientId),
            ProviderId = Guid.Parse(providerId),
            SlotId = Guid.Parse(slots[0]),
            Clinic = "north",
            StartsAt = appointment.GetProperty("startsAt").GetDateTimeOffset(),
            EndsAt = appointment.GetProperty("endsAt").GetDateTimeOffset(),
            VisitType = "follow-up",
            OccurredAt = appointment.GetProperty("bookedAt").GetDateTimeOffset(),
        });
        var arrivedEvent = await arrived.WaitForAsync(e => e.VisitId == visitId);
        arrivedEvent.Should().BeEquivalentTo(new { ProviderId = Guid.Parse(providerId), Clinic = "north", PatientId = Guid.Parse(patientId) });
        arrivedEvent.OccurredAt.Should().BeCloseTo(arrivedAt, TimeSpan.FromMilliseconds(1));
        var departedEvent = await departed.WaitForAsync(e => e.VisitId == visitId);
        departedEvent.Should().BeEquivalentTo(new { PatientId = Guid.Parse(patientId), OccurredAt = departedAt });
    }

    [Fact]
    public async Task CheckIn_NoBody_ArrivesNowAndSecondCheckInReturns409()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var appointment = await SchedulingFactory.PostAsync(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "new-patient" });
        var id = appointment.GetProperty("appointmentId").GetString();
        var before = DateTimeOffset.UtcNow;

        var first = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-in", SchedulingFactory.Confirmed());
        var second = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-in", SchedulingFactory.Confirmed());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var arrivedAt = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("arrivedAt").GetDateTimeOffset();
        arrivedAt.Should().BeOnOrAfter(before.AddSeconds(-1)).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments/{id}");
        details.GetProperty("arrivedAt").GetDateTimeOffset().Should().Be(arrivedAt);
    }
}
