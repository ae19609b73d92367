using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway.Tests;

/// <summary>Every answer, relayed or the gateway's own, success or refusal, carries the security headers once.</summary>
public class SecurityHeadersTests(RoutedGateway gateway) : IClassFixture<RoutedGateway>
{
    public static TheoryData<string, string?, HttpStatusCode> Answers() => new()
    {
        { "/api/scheduling/appointments", Roles.FrontDesk, HttpStatusCode.OK },
        { "/api/billing/claims", null, HttpStatusCode.Unauthorized },
        { "/api/billing/claims", Roles.FrontDesk, HttpStatusCode.Forbidden },
        { "/", null, HttpStatusCode.OK },
        { "/assets/board.js", null, HttpStatusCode.OK },
        { "/nothing-here", null, HttpStatusCode.NotFound },
        { "/health/live", null, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task CallGateway_AnyAnswer_CarriesSecurityHeadersOnce(string path, string? role, HttpStatusCode status)
    {
        using var client = role is null ? gateway.Factory.CreateClient() : gateway.Factory.CreateClient(role);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(status);
        ShouldCarrySecurityHeaders(response);
    }

    [Fact]
    public async Task CallApi_ThroughTheGateway_NotStored()
    {
        using var client = gateway.Factory.CreateClient(Roles.FrontDesk);

        var response = await client.GetAsync("/api/scheduling/appointments");

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("Cache-Control").Should().ContainSingle();
    }

    [Fact]
    public async Task CallService_ItsOwnAnswers_CarrySecurityHeadersAndPagesKeepTheirCaching()
    {
        await using var host = await DefaultsHost.StartAsync(app =>
        {
            app.MapGet("/api/test/things", () => new { id = 1 });
            app.MapGet("/page", (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-cache";
                return Results.Content("<!doctype html><title>page</title>", "text/html");
            }).AllowAnonymous();
        });

        var api = await host.CreateClient(Roles.Ops).GetAsync("/api/test/things");
        var page = await host.CreateClient().GetAsync("/page");

        ShouldCarrySecurityHeaders(api);
        api.Headers.CacheControl!.NoStore.Should().BeTrue();
        ShouldCarrySecurityHeaders(page);
        page.Headers.CacheControl!.NoCache.Should().BeTrue();
        page.Headers.CacheControl.NoStore.Should().BeFalse();
    }

    private static void ShouldCarrySecurityHeaders(HttpResponseMessage response)
    {
        Single(response, "X-Content-Type-Options").Should().Be("nosniff");
        Single(response, "Referrer-Policy").Should().Be("no-referrer");
        Single(response, "X-Frame-Options").Should().Be("DENY");
        Single(response, "Content-Security-Policy").Should().Be(SecurityHeaders.ContentSecurityPolicy)
            .And.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'");
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? values.Should().ContainSingle().Which : throw new Xunit.Sdk.XunitException($"no {header} header");
}
