using System.Diagnostics;
using Marten;
using PatientFlow.Scheduling.Appointments;
using Xunit.Abstractions;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>1,000 bookings race for 100 slots (10 providers of 10): exactly 100 win, every other is told 409.</summary>
public class BookingRaceTests(SchedulingFactory factory, ITestOutputHelper output) : IClassFixture<SchedulingFactory>
{
    [Fact]
    [Trait("Category", "Faults")]
    public async Task Book_ThousandConcurrentRequestsForHundredSlots_Exactly100Succeed()
    {
        // One patient per slot: a patient holds one appointment at a time, so the race is for the slots only.
        var patients = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => factory.RegisterPatientAsync()));
        var slots = new List<(string ProviderId, string SlotId)>();
        for (var p = 0; p < 10; p++)
        {
            var (providerId, slotIds) = await factory.ProviderWithSlotsAsync(10);
            slots.AddRange(slotIds.Select(slot => (providerId, slot)));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var client = factory.FrontDesk();
        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            var (providerId, slotId) = slots[i % slots.Count];
            var patientId = patients[i % slots.Count];
            using var response = await client.PostAsJsonAsync("/api/scheduling/appointments",
                new { patientId, providerId, slotId, visitType = "follow-up" }, timeout.Token);
            return response.StatusCode;
        }));
        watch.Stop();

        var created = answers.Count(status => status == HttpStatusCode.Created);
        var conflicts = answers.Count(status => status == HttpStatusCode.Conflict);
        var figure = $"1,000 concurrent bookings of 100 slots: {created} created, {conflicts} conflicts, {answers.Length - created - conflicts} other, in {watch.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(figure);
        if (Environment.GetEnvironmentVariable("PATIENTFLOW_FIGURES") is { Length: > 0 } figures)
        {
            File.AppendAllText(figures, figure + Environment.NewLine);
        }

        created.Should().Be(100);
        conflicts.Should().Be(900);
        await using var session = factory.Store.QuerySession();
        var booked = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "appointment_booked_v2").CountAsync();
        booked.Should().Be(100, "one appointment per slot, none twice");
    }
}
