using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway.Tests;

/// <summary>Request bodies stop at 1 MB unless an endpoint says otherwise; headers at Kestrel's limits. Over them: 413 / 431.</summary>
public class RequestLimitTests
{
    private const int OverOneMegabyte = (int)RequestLimits.MaxRequestBodySize + 1024;

    private sealed record Note(string Text);

    private static void MapTestEndpoints(WebApplication app)
    {
        app.MapPost("/test/notes", (Note note) => note.Text.Length).AllowAnonymous();
        app.MapPost("/test/files", async (HttpRequest request) => (await new StreamReader(request.Body).ReadToEndAsync()).Length)
            .AllowAnonymous().WithRequestBodyLimit(4 * 1024 * 1024);
    }

    [Fact]
    public async Task PostJson_OverOneMegabyte_Answers413Problem()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);

        var response = await host.CreateClient().PostAsJsonAsync("/test/notes", new Note(new string('a', OverOneMegabyte)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("title").GetString().Should().Be("Payload Too Large");
    }

    [Fact]
    public async Task PostJson_DeclaredOverTheLimit_413ClosesTheConnectionAndTheNextRequestGoesOnAFreshOne()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);
        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using var address = host.CreateClient();
        using var client = new HttpClient(handler) { BaseAddress = address.BaseAddress };
        (await client.PostAsJsonAsync("/test/notes", new Note("first"))).StatusCode.Should().Be(HttpStatusCode.OK);

        // Its length declared (JSON content would go chunked): refused on the header, the body never read.
        using var body = new StringContent($"{{\"text\":\"{new string('a', OverOneMegabyte)}\"}}", Encoding.UTF8, "application/json");
        var refused = await client.PostAsync("/test/notes", body);
        var next = await client.PostAsJsonAsync("/test/notes", new Note("after"));

        await refused.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        refused.Headers.ConnectionClose.Should().BeTrue("the server never reads the body, so the connection cannot carry another request");
        next.StatusCode.Should().Be(HttpStatusCode.OK);
        connections.Should().Be(2, "the request after the refusal goes on a new connection, not on the one the server is closing");
    }

    [Fact]
    public async Task PostJson_UnderTheLimit_KeepsTheConnection()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);

        var response = await host.CreateClient().PostAsJsonAsync("/test/notes", new Note("short"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ConnectionClose.Should().NotBe(true);
    }

    [Fact]
    public async Task PostJson_OverOneMegabyteWithoutLength_Answers413Problem()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);
        var body = new StringContent($"{{\"text\":\"{new string('a', OverOneMegabyte)}\"}}", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/test/notes") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.CreateClient().SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostJson_UnderTheLimit_Answers200()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);

        var response = await host.CreateClient().PostAsJsonAsync("/test/notes", new Note(new string('a', 512 * 1024)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostFile_OverOneMegabyteWhereTheEndpointAllowsMore_Answers200()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);

        var response = await host.CreateClient().PostAsync("/test/files", new StringContent(new string('x', 2 * 1024 * 1024)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<int>()).Should().Be(2 * 1024 * 1024);
    }

    [Fact]
    public async Task CallApi_HeadersOverTheLimit_Answers431()
    {
        await using var host = await DefaultsHost.StartAsync(MapTestEndpoints, kestrel: true);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Padding", new string('p', RequestLimits.MaxRequestHeadersTotalSize));

        var response = await client.PostAsJsonAsync("/test/notes", new Note("short"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }
}
