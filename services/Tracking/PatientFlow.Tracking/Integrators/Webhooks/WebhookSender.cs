using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// One attempt at one delivery, signed per Standard Webhooks. Redirects are not followed (a 3xx is a failed
/// attempt), and the connection only ever reaches an allowed address, directly (<see cref="TargetGuard"/>).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<DeliveryAttempt> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body ?? "");
        var at = clock.GetUtcNow();
        // Standard Webhooks signs with real seconds since the epoch, whatever a simulated clinic clock says.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Catalog.CloudEventEnvelope.ContentType) { CharSet = "utf-8" };
        var id = delivery.EventId.ToString("D");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Reveal(subscription), id, timestamp, body));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return new DeliveryAttempt(at, status, status is >= 200 and < 300 ? null : $"answered {status} {response.ReasonPhrase}", watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            // The message names the failure (refused, timed out, restricted address), never the payload.
            return new DeliveryAttempt(at, null, exception is TaskCanceledException ? "timed out" : exception.GetBaseException().Message, watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The delivery client: no redirects, no proxy, guarded connections, the attempt timeout.</summary>
    public static void Configure(IServiceCollection services) => services
        .AddHttpClient(ClientName)
        .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout)
        .ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
            var environment = provider.GetRequiredService<IHostEnvironment>();
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // Not HTTP_PROXY, HTTPS_PROXY or ALL_PROXY either: a proxy would resolve and reach the target itself,
                // out of the guard's sight. A deployment whose egress must pass a proxy lets tracking's deliveries out directly.
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = TargetGuard.ConnectCallback(() => TargetPolicy.For(environment, options.CurrentValue)),
            };
        })
        // Every attempt is in the delivery log already; the default request logging would repeat it.
        .RemoveAllLoggers();
}
