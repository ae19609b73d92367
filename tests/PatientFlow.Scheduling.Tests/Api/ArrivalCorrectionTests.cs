using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Testing;
using Contract = PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>A back-dated arrival is corrected by a new event; the history keeps both, and ?asOf= shows what was known when.</summary>
public class ArrivalCorrectionTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task CorrectArrival_CheckedIn_DetailsShowCorrectedTimeHistoryKeptAndContractPublished()
    {
        var corrections = factory.Listen<Contract.ArrivalTimeCorrected>();
        var client = factory.FrontDesk();
        var id = await CheckedInAsync(client, DateTimeOffset.UtcNow.AddMinutes(-5));
        var recordedBefore = (await client.GetAsync($"/api/scheduling/appointments/{id}").ReadAsAsync<AppointmentDetails>()).ArrivedAt!.Value;
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var corrected = DateTimeOffset.UtcNow.AddMinutes(-30);

        var response = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/arrival-correction", new { arrivedAt = corrected, reason = "entered late" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var details = await client.GetAsync($"/api/scheduling/appointments/{id}").ReadAsAsync<AppointmentDetails>();
        details.ArrivedAt.Should().BeCloseTo(corrected, TimeSpan.FromMilliseconds(1));
        var history = details.Corrections.Should().ContainSingle().Subject;
        history.PreviousArrivedAt.Should().Be(recordedBefore);
        history.Reason.Should().Be("entered late");
        var published = await corrections.WaitForAsync(e => e.VisitId == id);
        published.OccurredAt.Should().BeCloseTo(corrected, TimeSpan.FromMilliseconds(1));
        published.PreviousArrivedAt.Should().Be(recordedBefore);
        published.RecordedAt.Should().BeAfter(beforeCorrection);

        var then = await client.GetAsync($"/api/scheduling/appointments/{id}?asOf={Uri.EscapeDataString(beforeCorrection.ToString("O"))}").ReadAsAsync<AppointmentDetails>();
        then.ArrivedAt.Should().Be(recordedBefore, "before the correction was recorded, the first time was what we knew");
        then.Status.Should().Be(AppointmentStatus.CheckedIn);
    }

    [Fact]
    public async Task GetAsOf_BeforeTheBooking_404()
    {
        var client = factory.FrontDesk();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = await CheckedInAsync(client, DateTimeOffset.UtcNow.AddMinutes(-5));

        var response = await client.GetAsync($"/api/scheduling/appointments/{id}?asOf={Uri.EscapeDataString(before.ToString("O"))}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetAsOf_WithoutOffset_422NamingAsOf()
    {
        var client = factory.FrontDesk();
        var id = await CheckedInAsync(client, DateTimeOffset.UtcNow.AddMinutes(-5));

        var response = await client.GetAsync($"/api/scheduling/appointments/{id}?asOf=2026-11-23T09:30:00");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("asOf", out _).Should().BeTrue();
    }

    [Fact]
    public async Task CorrectArrival_NotCheckedIn_409AndNothingChanged()
    {
        var client = factory.FrontDesk();
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var id = (await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" }))
            .AppointmentId;

        var response = await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/arrival-correction", new { arrivedAt = DateTimeOffset.UtcNow.AddMinutes(-3), reason = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.GetAsync($"/api/scheduling/appointments/{id}")).Headers.ETag!.Tag.Should().Be("\"1\"");
    }

    private async Task<Guid> CheckedInAsync(HttpClient client, DateTimeOffset arrivedAt)
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var id = (await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" }))
            .AppointmentId;
        (await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-in", SchedulingFactory.Confirmed(arrivedAt))).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }
}
