using Microsoft.Playwright;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.EndToEnd.Tests.Browser;

/// <summary>
/// The pages work under the Content-Security-Policy every answer carries: Chromium loads their scripts and styles,
/// they sign in, read the API and the event stream, and it reports no violation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ContentSecurityPolicyTests(PlatformFixture platform)
{
    [Fact]
    public async Task OpenBoard_UnderThePolicy_GoesLiveWithoutViolations()
    {
        await using var browser = await BrowserSession.StartAsync();
        var (page, violations, policy) = await OpenAsync(browser, "/?role=ops");

        await Assertions.Expect(page.GetByTestId("connection")).ToHaveTextAsync("live", new() { Timeout = 15_000 });

        policy.Should().Be(SecurityHeaders.ContentSecurityPolicy);
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task OpenAnalytics_UnderThePolicy_ShowsAReportAndChartsWithoutViolations()
    {
        await using var browser = await BrowserSession.StartAsync();
        var (page, violations, policy) = await OpenAsync(browser, "/analytics?role=ops");

        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("updated", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("chart-stages").Locator("canvas")).ToBeVisibleAsync();

        policy.Should().Be(SecurityHeaders.ContentSecurityPolicy);
        violations.Should().BeEmpty();
    }

    private async Task<(IPage Page, List<string> Violations, string? Policy)> OpenAsync(BrowserSession browser, string path)
    {
        var page = await browser.NewPageAsync();
        // Chromium reports each refused script, style, image or connection on the console.
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        var response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, path).ToString());
        return (page, violations, response?.Headers.GetValueOrDefault("content-security-policy"));
    }
}
