using PatientFlow.Testing;

namespace PatientFlow.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ServiceCrashTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task KillTracking_WhileVisitsArrive_AppHostRestartsItAndNoEventIsLost()
    {
        var frontDesk = await platform.ClientForAsync("front-desk");
        var ops = await platform.ClientForAsync("ops");
        await FrontDeskSetup.EnsureClinicAsync(ops, "south");
        var patient = await frontDesk.PostJsonAsync<PatientDetails>("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Grace", lastName = $"Example-{Guid.NewGuid():N}"[..16], dateOfBirth = "1975-09-30", sex = "female", clinic = "south",
        }, HttpStatusCode.Created);
        var provider = await frontDesk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers",
            new { name = "Dr. Shepherd", specialty = "internal-medicine", clinic = "south" }, HttpStatusCode.Created);
        var slots = await frontDesk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{provider.ProviderId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddHours(2).ToString("O"), durationMinutes = 15, count = 1 }, HttpStatusCode.Created);

        var sinceKill = System.Diagnostics.Stopwatch.StartNew();
        await platform.Platform.KillAsync("tracking");

        // Booked and checked in while tracking is down: its durable queue keeps both events.
        var appointment = await frontDesk.PostJsonAsync<AppointmentDetails>("/api/scheduling/appointments", new
        {
            patientId = patient.PatientId,
            providerId = provider.ProviderId,
            slotId = slots.Slots[0].SlotId,
            visitType = "new-patient",
        }, HttpStatusCode.Created);
        var visitId = appointment.AppointmentId;
        await frontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn(), HttpStatusCode.OK);

        using var restart = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await platform.Platform.WaitUntilReadyAsync("tracking", restart.Token);
        VisitTimeline timeline;
        try
        {
            timeline = await ops.EventuallyAsync<VisitTimeline>($"/api/tracking/visits/{visitId}/timeline",
                t => Has(t, "scheduling.appointment-booked.v1") && Has(t, "scheduling.patient-checked-in.v1"));
        }
        catch (TimeoutException timeout)
        {
            var kept = Path.Combine(Path.GetTempPath(), "patientflow-e2e-crash-test.log");
            File.Copy(platform.LogPath, kept, overwrite: true);
            throw new TimeoutException($"{timeout.Message}{Environment.NewLine}whole log kept in {kept}; tracking's last lines:{Environment.NewLine}{platform.Tail("tracking", 120)}");
        }

        Figures.Report(output, "tracking killed to its journey caught up", $"{sinceKill.Elapsed.TotalSeconds:0.0} s");
        timeline.CurrentStage.Should().Be("arrived");
    }

    private static bool Has(VisitTimeline timeline, string eventType) => timeline.Steps.Any(s => s.EventType == eventType);
}
