using Marten;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.GettingDay;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>
/// The races the front desk runs every morning, against the real database: the loser is told what is in the
/// way and nothing of its attempt is stored.
/// </summary>
public class SchedulingRaceTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private const int Rounds = 10;

    [Fact]
    public async Task Book_OnePatientWithTwoProvidersAtTheSameTimeConcurrently_ExactlyOneWinsEveryRound()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(4);
        var first = await factory.ProviderWithSlotsAsync(Rounds, startsAt);
        var second = await factory.ProviderWithSlotsAsync(Rounds, startsAt);
        var desk = factory.FrontDesk();

        for (var round = 0; round < Rounds; round++)
        {
            var patientId = await factory.RegisterPatientAsync();
            var attempts = await Task.WhenAll(
                desk.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId = first.ProviderId, slotId = first.SlotIds[round], visitType = "follow-up" }),
                desk.PostAsJsonAsync("/api/scheduling/appointments", new { patientId, providerId = second.ProviderId, slotId = second.SlotIds[round], visitType = "follow-up" }));

            attempts.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict]);
            var problem = await attempts.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("conflict").GetString().Should().Be("patient");
            await using var session = factory.Store.QuerySession();
            var id = Guid.Parse(patientId);
            (await session.Query<AppointmentDetails>().CountAsync(a => a.PatientId == id)).Should().Be(1);
        }

        // Each provider keeps its losing round's slot free for someone else.
        var freeSlots = 0;
        foreach (var provider in new[] { first.ProviderId, second.ProviderId })
        {
            freeSlots += (await desk.GetAsync($"/api/scheduling/providers/{provider}/slots?status=free").ReadAsAsync<SlotsResponse>()).Slots.Count;
        }

        freeSlots.Should().Be(Rounds);
    }

    [Fact]
    public async Task Book_TwoProvidersSharingARoomAtTheSameTimeConcurrently_ExactlyOneGetsTheRoom()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        var providers = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var providerId = await factory.ProviderAsync();
            var template = await factory.Ops().PutAsJsonAsync($"/api/scheduling/providers/{providerId}/template", new
            {
                sessions = new[] { new { day = day.DayOfWeek.ToString().ToLowerInvariant(), start = "13:00", end = "14:00", slotMinutes = 20, room = "EXAM-2" } },
            });
            template.StatusCode.Should().Be(HttpStatusCode.OK);
            (await factory.Ops().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/template/generation", new { from = day.ToString("O"), to = day.ToString("O") }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            providers.Add(providerId);
        }

        var desk = factory.FrontDesk();
        var slots = new List<string>();
        foreach (var providerId in providers)
        {
            slots.Add((await desk.GetAsync($"/api/scheduling/providers/{providerId}/days/{day:O}").ReadAsAsync<ProviderDay>()).Slots[0].SlotId.ToString());
        }

        var patients = await Task.WhenAll(factory.RegisterPatientAsync(), factory.RegisterPatientAsync());
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            desk.PostAsJsonAsync("/api/scheduling/appointments", new { patientId = patients[i], providerId = providers[i], slotId = slots[i], visitType = "follow-up" })));

        attempts.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        (await attempts.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("conflict").GetString().Should().Be("room");
    }

    [Fact]
    public async Task Book_EcgCheckWhenBothCartsAreTaken_Answers409NamingTheEquipment()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(6);
        var desk = factory.FrontDesk();
        var outcomes = new List<HttpStatusCode>();
        string? lastConflict = null;
        for (var i = 0; i < 3; i++)
        {
            var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, startsAt);
            var response = await desk.PostAsJsonAsync("/api/scheduling/appointments",
                new { patientId = await factory.RegisterPatientAsync(), providerId, slotId = slots[0], visitType = "ecg-check" });
            outcomes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                lastConflict = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflict").GetString();
            }
        }

        outcomes.Should().Equal(HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict);
        lastConflict.Should().Be("equipment");
    }

    [Fact]
    public async Task Cancel_BookedAppointment_ReleasesTheSlotAndThePatientsTime()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, DateTimeOffset.UtcNow.AddDays(8));
        var patientId = await factory.RegisterPatientAsync();
        var desk = factory.FrontDesk();
        var booked = await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var visitId = booked.AppointmentId;

        var noReason = await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/cancellation", new { });
        var cancelled = await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/cancellation", new { reason = "patient called" });

        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await cancelled.ReadAsAsync<AppointmentDetails>()).Status.Should().Be(AppointmentStatus.Cancelled);
        await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
    }

    [Fact]
    public async Task Reschedule_ToAnotherProvidersSlot_MovesTheVisitAndFreesTheOldSlot()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(9);
        var (fromProvider, fromSlots) = await factory.ProviderWithSlotsAsync(1, startsAt);
        var (toProvider, toSlots) = await factory.ProviderWithSlotsAsync(1, startsAt.AddHours(1));
        var patientId = await factory.RegisterPatientAsync();
        var desk = factory.FrontDesk();
        var visitId = (await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments", new { patientId, providerId = fromProvider, slotId = fromSlots[0], visitType = "follow-up" }))
            .AppointmentId;

        var moved = await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/reschedule", new { slotId = toSlots[0], providerId = toProvider, reason = "patient asked" });

        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var details = await moved.ReadAsAsync<AppointmentDetails>();
        details.ProviderId.Should().Be(Guid.Parse(toProvider));
        details.Reschedules.Should().HaveCount(1);
        (await desk.GetAsync($"/api/scheduling/providers/{fromProvider}/slots?status=free").ReadAsAsync<SlotsResponse>()).Slots.Should().HaveCount(1);
        (await desk.GetAsync($"/api/scheduling/providers/{toProvider}/slots?status=booked").ReadAsAsync<SlotsResponse>()).Slots[0]
            .AppointmentId.Should().Be(visitId);
    }
}
