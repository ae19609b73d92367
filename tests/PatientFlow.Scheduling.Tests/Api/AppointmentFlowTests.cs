using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.ServiceDefaults;
using PatientFlow.Testing;
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

        var booking = await client.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        booking.StatusCode.Should().Be(HttpStatusCode.Created, await booking.Content.ReadAsStringAsync());
        var appointment = await booking.ReadAsAsync<AppointmentDetails>();
        var visitId = appointment.AppointmentId;
        JsonSerializer.Deserialize<VisitAnswer>(await booking.Content.ReadAsStringAsync(), ApiJson.Options)!.VisitId.Should().Be(visitId);
        appointment.Status.Should().Be(AppointmentStatus.Booked);
        var arrivedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        var checkedIn = await client.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", SchedulingFactory.Confirmed(arrivedAt));
        checkedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await checkedIn.ReadAsAsync<AppointmentDetails>()).Status.Should().Be(AppointmentStatus.CheckedIn);
        var checkedOut = await client.PostAsync($"/api/scheduling/appointments/{visitId}/check-out", content: null);

        checkedOut.StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await client.GetAsync($"/api/scheduling/appointments/{visitId}").ReadAsAsync<AppointmentDetails>();
        details.Status.Should().Be(AppointmentStatus.CheckedOut);
        details.ArrivedAt.Should().BeCloseTo(arrivedAt, TimeSpan.FromMilliseconds(1));
        var departedAt = details.DepartedAt!.Value;
        var bookedEvent = await booked.WaitForAsync(e => e.VisitId == visitId);
        bookedEvent.Should().BeEquivalentTo(new
        {
            PatientId = Guid.Parse(patientId),
            ProviderId = Guid.Parse(providerId),
            SlotId = Guid.Parse(slots[0]),
            Clinic = "north",
            StartsAt = appointment.StartsAt,
            EndsAt = appointment.EndsAt,
            VisitType = "follow-up",
            OccurredAt = appointment.BookedAt,
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
        var appointment = await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "new-patient" });
        var id = appointment.AppointmentId;
        var before = DateTimeOffset.UtcNow;

        var first = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-in", SchedulingFactory.Confirmed());
        var second = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-in", SchedulingFactory.Confirmed());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var arrivedAt = (await first.ReadAsAsync<AppointmentDetails>()).ArrivedAt!.Value;
        arrivedAt.Should().BeOnOrAfter(before.AddSeconds(-1)).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var details = await client.GetAsync($"/api/scheduling/appointments/{id}").ReadAsAsync<AppointmentDetails>();
        details.ArrivedAt.Should().Be(arrivedAt);
    }

    /// <summary>The answer's <c>visitId</c>: <see cref="AppointmentDetails.VisitId"/> is computed from the appointment id, so reading it there would check nothing.</summary>
    private sealed record VisitAnswer(Guid VisitId);
}
