using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using PatientFlow.ServiceDefaults.Production;
using Xunit;

namespace PatientFlow.Gateway.Tests;

/// <summary>
/// The client's address behind a load balancer: taken from X-Forwarded-For only when the connection comes from a listed
/// proxy network. The endpoint answers the address (and scheme) the rest of the pipeline sees.
/// </summary>
public class TrustedProxyTests
{
    private static void MapAddressEndpoint(WebApplication app) =>
        app.MapGet("/test/address", (HttpContext context) => $"{context.Connection.RemoteIpAddress?.MapToIPv4()} {context.Request.Scheme}").AllowAnonymous();

    [Fact]
    public async Task ForwardedFor_FromAListedProxyNetwork_IsTheClientAddress()
    {
        await using var host = await DefaultsHost.StartAsync(MapAddressEndpoint, kestrel: true,
            settings: new Dictionary<string, string?> { [TrustedProxies.Setting] = "127.0.0.0/8" });

        var seen = await SendAsync(host, forwardedFor: "203.0.113.7", forwardedProto: "https");

        seen.Should().Be("203.0.113.7 https");
    }

    [Fact]
    public async Task ForwardedFor_WithNoProxyListed_IsIgnored()
    {
        await using var host = await DefaultsHost.StartAsync(MapAddressEndpoint, kestrel: true);

        var seen = await SendAsync(host, forwardedFor: "203.0.113.7", forwardedProto: "https");

        seen.Should().Be("127.0.0.1 http");
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnlistedNetwork_IsIgnored()
    {
        await using var host = await DefaultsHost.StartAsync(MapAddressEndpoint, kestrel: true,
            settings: new Dictionary<string, string?> { [TrustedProxies.Setting] = "10.0.0.0/8" });

        var seen = await SendAsync(host, forwardedFor: "203.0.113.7", forwardedProto: "https");

        seen.Should().Be("127.0.0.1 http");
    }

    [Fact]
    public async Task ForwardedFor_ChainLongerThanTheHopsInFront_TakesOnlyTheNearestHop()
    {
        // A client behind one proxy writes its own X-Forwarded-For; only what the listed proxy appended is believed.
        await using var host = await DefaultsHost.StartAsync(MapAddressEndpoint, kestrel: true,
            settings: new Dictionary<string, string?> { [TrustedProxies.Setting] = "127.0.0.0/8" });

        var seen = await SendAsync(host, forwardedFor: "198.51.100.1, 203.0.113.7", forwardedProto: "https");

        seen.Should().Be("203.0.113.7 https");
    }

    [Fact]
    public void Networks_MalformedEntry_RefusesNamingTheSettingAndValue()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TrustedProxies.Setting] = "10.0.0.0/8, ingress" })
            .Build();

        var reading = () => TrustedProxies.Networks(configuration);

        reading.Should().Throw<InvalidOperationException>().WithMessage("*Network:TrustedProxies*'ingress'*");
    }

    private static async Task<string> SendAsync(DefaultsHost host, string forwardedFor, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/address");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await host.CreateClient().SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
