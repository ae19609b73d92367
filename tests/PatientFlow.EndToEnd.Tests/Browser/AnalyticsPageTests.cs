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
        var provider = (await desk.PostJsonAsync("/api/scheduling/providers", new { name = "Dr. Grey", specialty = "family-medicine", clinic }, HttpStatusCode.Created)).Str("providerId");
        var slots = await desk.PostJsonAsync($"/api/scheduling/providers/{provider}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddMinutes(10).ToString("O"), durationMinutes = 10, count = 3 }, HttpStatusCode.Created);
        var visits = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var patient = await desk.PostJsonAsync("/api/scheduling/patients", new
            {
                mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName = $"Stats{Guid.NewGuid():N}"[..16], dateOfBirth = "1980-04-12", sex = "female",
            }, HttpStatusCode.Created);
            var visitId = (await desk.PostJsonAsync("/api/scheduling/appointments",
                new { patientId = patient.Str("patientId"), providerId = provider, slotId = slots.GetProperty("slots")[i].Str("slotId"), visitType = "follow-up" },
                HttpStatusCode.Created)).Str("appointmentId");
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
        var report = await ops.EventuallyAsync($"/api/tracking/analytics?{query}", r => r.GetProperty("doorToProvider").GetProperty("count").GetInt32() == 3);

        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"/analytics?role=ops&{query}").ToString());

        await ExpectShown(page, "visits", Amount(report.GetProperty("visits")));
        await ExpectShown(page, "doorToProvider.p50", Amount(report.GetProperty("doorToProvider").GetProperty("p50")));
        await ExpectShown(page, "doorToProvider.p90", Amount(report.GetProperty("doorToProvider").GetProperty("p90")));
        var waitingForRoom = report.GetProperty("intervals").EnumerateArray().Single(i => i.Str("name") == "waiting-for-room").GetProperty("times");
        await ExpectShown(page, "intervals.waiting-for-room.p50", Amount(waitingForRoom.GetProperty("p50")));
        await ExpectShown(page, "lateArrivals.rate", Percent(report.GetProperty("lateArrivals").GetProperty("rate")));
        await ExpectShown(page, "noShows.rate", Percent(report.GetProperty("noShows").GetProperty("rate")));
        await ExpectShown(page, "littlesLaw.ratio", Percent(report.GetProperty("littlesLaw").GetProperty("ratio")));
        await Assertions.Expect(page.GetByTestId("chart-stages").Locator("canvas")).ToBeVisibleAsync();
    }

    private static Task ExpectShown(IPage page, string testId, string text) =>
        Assertions.Expect(page.GetByTestId(testId)).ToHaveTextAsync(text, new() { Timeout = 15_000 });

    /// <summary>The page's rule (web/src/format.js): one decimal, halves up, no trailing ".0"; "–" for null.</summary>
    private static string Amount(JsonElement value) => value.ValueKind == JsonValueKind.Null
        ? "–"
        : (Math.Floor(value.GetDouble() * 10 + 0.5) / 10).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The page's rule for fractions: a percentage with exactly one decimal.</summary>
    private static string Percent(JsonElement value) => value.ValueKind == JsonValueKind.Null
        ? "–"
        : (Math.Floor(value.GetDouble() * 1000 + 0.5) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
