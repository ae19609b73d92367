using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PatientFlow.Tracking.Tests.Webhooks;

/// <summary>One POST as the receiver saw it, and whether its signature checked out by the receiver's own computation.</summary>
public sealed record ReceivedDelivery(string Id, string Timestamp, string Signature, string Body, bool Verified, int Answered, DateTimeOffset At);

/// <summary>
/// An integrator's endpoint on loopback. It checks every signature itself (HMAC-SHA256 over id.timestamp.body,
/// written here from the Standard Webhooks text, not with the platform's code) and answers what the test asks.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>Given a delivery's id and how often it was seen before, the status to answer.</summary>
    public Func<string, int, int> Answer { get; set; } = (_, _) => 200;

    public string Secret { get; set; } = "";

    public Uri Url { get; }

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = context.Request.Headers["webhook-id"].ToString();
            var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
            var signature = context.Request.Headers["webhook-signature"].ToString();
            var seen = receiver!.Received.Count(r => r.Id == id);
            var status = receiver.Answer(id, seen);
            receiver.Received.Enqueue(new ReceivedDelivery(id, timestamp, signature, body, receiver.Check(id, timestamp, signature, body), status, DateTimeOffset.UtcNow));
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = "/elsewhere";
            }
        });
        app.MapPost("/elsewhere", () => Results.StatusCode(599));
        await app.StartAsync();
        var address = app.Urls.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hook"));
        return receiver;
    }

    private bool Check(string id, string timestamp, string signature, string body)
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        var fresh = long.TryParse(timestamp, out var seconds) && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) <= 300;
        return fresh && signature.Split(' ').Contains(expected);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
