using System.Globalization;
using Microsoft.Playwright;
using PatientFlow.Testing;

namespace PatientFlow.EndToEnd.Tests.Browser;

/// <summary>
/// The flow board page served through the gateway, in headless Chromium, as visits move through the real platform.
/// The platform runs with a 3-second amber threshold for the roomed column (see <see cref="PlatformFixture"/>).
/// Push latency is measured from the step's commit in the service that made it (its recorded time) to the moment
/// the page updated the card (stamped by the page in <c>data-received-at</c>), both on this machine's clock.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FlowBoardPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Board_VisitsCheckedInRoomedAndSeen_CardsAppearAndMoveWithinASecondAndTurnAmberPastTheThreshold()
    {
        var staff = await Staff.SignInAsync(platform);
        var clinic = await NewClinicAsync(staff);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"/?role=ops&clinic={clinic}").ToString());
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveTextAsync("live", new() { Timeout = 15_000 });

        var latencies = new List<double>();
        var visits = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (visitId, _) = await BookAsync(staff, clinic);
            visits.Add(visitId);
            await staff.FrontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn(), HttpStatusCode.OK);
            latencies.Add(await PushLatencyAsync(page, staff, visitId, "arrived", "scheduling.patient-checked-in.v1"));
        }

        var rooms = visits.ToDictionary(visitId => visitId, _ => $"R-{Guid.NewGuid():N}"[..10].ToUpperInvariant());
        foreach (var visitId in visits)
        {
            await staff.Clinician.EventuallyAsync($"/api/intake/encounters/{visitId}", _ => true);
            await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room = rooms[visitId] }, HttpStatusCode.OK);
            latencies.Add(await PushLatencyAsync(page, staff, visitId, "roomed", "intake.patient-roomed.v1"));
        }

        // The first roomed card has been in its column longest: past 3 s it turns amber, with no event behind it.
        var first = Card(page, visits[0]);
        await Assertions.Expect(first).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-amber"), new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("rooms").Locator($"[data-room='{rooms[visits[0]]}']")).ToHaveAttributeAsync("data-status", "occupied");

        foreach (var visitId in visits.Take(4))
        {
            await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/provider/start", new { }, HttpStatusCode.OK);
            latencies.Add(await PushLatencyAsync(page, staff, visitId, "with-provider", "intake.provider-encounter-started.v1"));
        }

        await Assertions.Expect(Card(page, visits[0])).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-ok"));
        output.WriteLine("push latencies, in order (ms): " + string.Join(", ", latencies.Select(l => l.ToString("0", CultureInfo.InvariantCulture))));
        latencies.Sort();
        double NearestRank(double percent) => latencies[(int)Math.Ceiling(percent / 100 * latencies.Count) - 1];
        var p50 = NearestRank(50);
        var p99 = NearestRank(99);
        Figures.Report(output, "board push, event committed to card moved in Chromium", FormattableString.Invariant($"p50 {p50:0} ms, p99 {p99:0} ms over {latencies.Count} moves"));
        // The figures above are the measurement; the check here is only that the typical move is well inside a
        // second (the first move after a cold start, through the source service's relay, can take a few seconds).
        p50.Should().BeLessThan(1000, "a card moves within a second of the step's commit");
    }

    [Fact]
    public async Task Board_OpsRole_NoPatientNames_FrontDesk_SeesShortNames()
    {
        var staff = await Staff.SignInAsync(platform);
        var clinic = await NewClinicAsync(staff);
        var (visitId, lastName) = await BookAsync(staff, clinic);
        await staff.FrontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn(), HttpStatusCode.OK);
        await using var browser = await BrowserSession.StartAsync();

        var ops = await browser.NewPageAsync();
        await ops.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"/?role=ops&clinic={clinic}").ToString());
        await Assertions.Expect(Card(ops, visitId)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var desk = await browser.NewPageAsync();
        await desk.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"/?role=front-desk&clinic={clinic}").ToString());

        await Assertions.Expect(Card(desk, visitId)).ToContainTextAsync($"Ada {char.ToUpperInvariant(lastName[0])}.", new() { Timeout = 15_000 });
        (await Card(ops, visitId).InnerTextAsync()).Should().NotContain("Ada");
    }

    private static ILocator Card(IPage page, string visitId) => page.Locator($"article[data-visit-id='{visitId}']");

    /// <summary>Waits for the card in <paramref name="stage"/>'s column; milliseconds from the step's commit to the page updating the card.</summary>
    private static async Task<double> PushLatencyAsync(IPage page, Staff staff, string visitId, string stage, string eventType)
    {
        // Generous: the first event after a cold start goes through every service's first relay run, and with the
        // other test projects on the same cores it has taken over 5 s. The latency itself is measured, not bounded here.
        var card = page.GetByTestId($"column-{stage}").Locator($"article[data-visit-id='{visitId}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var receivedAt = double.Parse((await card.GetAttributeAsync("data-received-at"))!, CultureInfo.InvariantCulture);
        var timeline = await staff.Ops.EventuallyAsync<VisitTimeline>($"/api/tracking/visits/{visitId}/timeline",
            t => t.Steps.Any(s => s.EventType == eventType));
        var committed = timeline.Steps.First(s => s.EventType == eventType).RecordedAt;
        return receivedAt - committed.ToUnixTimeMilliseconds();
    }

    private static Task<string> NewClinicAsync(Staff staff) => ClinicSetup.NewClinicAsync(staff.Ops);

    private static Task<(string VisitId, string LastName)> BookAsync(Staff staff, string clinic) => ClinicSetup.BookAsync(staff.FrontDesk, clinic);

    private sealed record Staff(HttpClient FrontDesk, HttpClient Clinician, HttpClient Ops)
    {
        public static async Task<Staff> SignInAsync(PlatformFixture platform) => new(
            await platform.ClientForAsync("front-desk"), await platform.ClientForAsync("clinician"), await platform.ClientForAsync("ops"));
    }
}
