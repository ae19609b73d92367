using System.Globalization;
using Microsoft.Playwright;

namespace PatientFlow.EndToEnd.Tests.Browser;

/// <summary>The analytics page in headless Chromium shows the numbers the analytics API returns, formatted by the page's rule.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsPageTests(PlatformFixture platform)
{
    [Fact]
    public async Task Analytics_ClinicWithSeenVisits_PageShowsTheApisNumbers()
    {
        var desk = await platform.ClientForAsync("front-desk");
        var clinician = await platform.ClientForAsync("clinician");
        var ops = await platform.ClientForAsync("ops");
        var clinic = "stats-" + Guid.NewGuid().ToString("N")[..8];
        await FrontDeskSetup.EnsureClinicAsync(ops, clinic);
        var provider = (await desk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic }, HttpStatusCode.Created)).ProviderId;
        var slots = await desk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{provider}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddMinutes(10).ToString("O"), durationMinutes = 10, count = 3 }, HttpStatusCode.Created);
        var visits = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var patient = await desk.PostJsonAsync<PatientDetails>("/api/scheduling/patients", new
            {
                mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName = $"Stats{Guid.NewGuid():N}"[..16], dateOfBirth = "1980-04-12", sex = "female", clinic,
            }, HttpStatusCode.Created);
            var visitId = (await desk.PostJsonAsync<AppointmentDetails>("/api/scheduling/appointments",
                new { patientId = patient.PatientId, providerId = provider, slotId = slots.Slots[i].SlotId, visitType = "follow-up" },
                HttpStatusCode.Created)).AppointmentId;
            await desk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in",
                FrontDeskSetup.ConfirmedCheckIn(DateTimeOffset.UtcNow.AddMinutes(-20 + 5 * i)), HttpStatusCode.OK);
            await clinician.EventuallyAsync($"/api/intake/encounters/{visitId}", _ => true);
            await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room = $"S-{i}" }, HttpStatusCode.OK);
            await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/provider/start", new { }, HttpStatusCode.OK);
            visits.Add(visitId);
        }

        var from = DateTimeOffset.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture);
        var query = $"clinic={clinic}&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
        var report = await ops.EventuallyAsync<FlowReport>($"/api/tracking/analytics?{query}", r => r.DoorToProvider.Count == 3);

        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"/analytics?role=ops&{query}").ToString());

        await ExpectShown(page, "visits", Amount(report.Visits));
        await ExpectShown(page, "doorToProvider.p50", Amount(report.DoorToProvider.P50));
        await ExpectShown(page, "doorToProvider.p90", Amount(report.DoorToProvider.P90));
        var waitingForRoom = report.Intervals.Single(i => i.Name == "waiting-for-room").Times;
        await ExpectShown(page, "intervals.waiting-for-room.p50", Amount(waitingForRoom.P50));
        await ExpectShown(page, "lateArrivals.rate", Percent(report.LateArrivals.Rate));
        await ExpectShown(page, "noShows.rate", Percent(report.NoShows.Rate));
        await ExpectShown(page, "littlesLaw.ratio", Percent(report.LittlesLaw.Ratio));
        await Assertions.Expect(page.GetByTestId("chart-stages").Locator("canvas")).ToBeVisibleAsync();
    }

    private static Task ExpectShown(IPage page, string testId, string text) =>
        Assertions.Expect(page.GetByTestId(testId)).ToHaveTextAsync(text, new() { Timeout = 15_000 });

    /// <summary>The page's rule (web/src/format.js): one decimal, halves up, no trailing ".0"; "–" for null.</summary>
    private static string Amount(double? value) => value is not { } amount
        ? "–"
        : (Math.Floor(amount * 10 + 0.5) / 10).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The page's rule for fractions: a percentage with exactly one decimal.</summary>
    private static string Percent(double? value) => value is not { } fraction
        ? "–"
        : (Math.Floor(fraction * 1000 + 0.5) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
