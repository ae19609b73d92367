using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Contracts.Grpc.Tracking.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Testing.Identity;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Integrators.Webhooks;
using PatientFlow.Tracking.Tests.Api;
using PatientFlow.Tracking.Tests.Feed;
using PatientFlow.Tracking.Tests.Webhooks;

namespace PatientFlow.Tracking.Tests.Access;

/// <summary>What a channel gave: the CloudEvents read, or the refusal (status, and the field it named).</summary>
public sealed record ChannelRead(IReadOnlyList<JsonElement> Events, HttpStatusCode? Refused = null, string? Field = null);

/// <summary>
/// One way an integrator reads the feed (REST page, SSE, gRPC, webhook), so a rule about what a token may read is
/// asserted on every channel alike. Each reads from the start of the log, as the request asks (clinics, scope), until
/// <c>expected</c> events arrived and then a quiet moment more, so an event that should not come has the chance to.
/// </summary>
public abstract record FeedChannel(string Name)
{
    public static readonly FeedChannel[] All = [new RestPage(), new ServerSentEvents(), new GrpcSubscribe(), new Webhook()];

    public static TheoryData<string> Names => [.. All.Select(channel => channel.Name)];

    public static FeedChannel Named(string name) => All.Single(channel => channel.Name == name);

    public abstract Task<ChannelRead> ReadAsync(TrackingFactory factory, Caller caller, IReadOnlyList<string> clinics, string? scope, int expected);

    public override string ToString() => Name;

    protected static string Query(IReadOnlyList<string> clinics, string? scope) =>
        $"after=0{(clinics.Count > 0 ? $"&clinics={string.Join(',', clinics)}" : "")}{(scope is null ? "" : $"&scope={scope}")}";

    /// <summary>A refusal as problem details: the field is what the detail names before its colon.</summary>
    protected static async Task<ChannelRead> RefusedAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        return new ChannelRead([], response.StatusCode, problem?.Detail?.Split(':')[0]);
    }

    private sealed record RestPage() : FeedChannel("rest")
    {
        public override async Task<ChannelRead> ReadAsync(TrackingFactory factory, Caller caller, IReadOnlyList<string> clinics, string? scope, int expected)
        {
            var response = await factory.CreateClient(caller).GetAsync($"/api/tracking/feed?limit=1000&{Query(clinics, scope)}");
            return response.IsSuccessStatusCode
                ? new ChannelRead((await response.ReadAsAsync<FeedPageResponse>()).Events)
                : await RefusedAsync(response);
        }
    }

    private sealed record ServerSentEvents() : FeedChannel("sse")
    {
        public override async Task<ChannelRead> ReadAsync(TrackingFactory factory, Caller caller, IReadOnlyList<string> clinics, string? scope, int expected)
        {
            var response = await factory.CreateClient(caller).SendAsync(
                new HttpRequestMessage(HttpMethod.Get, $"/api/tracking/feed/events?{Query(clinics, scope)}"), HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                return await RefusedAsync(response);
            }

            await using var stream = new EventStreamReader(await response.Content.ReadAsStreamAsync());
            var events = new List<JsonElement>();
            while (events.Count < expected)
            {
                events.Add((await stream.NextFrameAsync(TimeSpan.FromSeconds(30))).Data);
            }

            events.AddRange((await stream.DrainAsync(TimeSpan.FromMilliseconds(500))).Select(frame => frame.Data));
            return new ChannelRead(events);
        }
    }

    private sealed record GrpcSubscribe() : FeedChannel("grpc")
    {
        public override async Task<ChannelRead> ReadAsync(TrackingFactory factory, Caller caller, IReadOnlyList<string> clinics, string? scope, int expected)
        {
            var (client, headers, channel) = FeedClients.Grpc(factory, caller);
            using var _ = channel;
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var call = client.Subscribe(new SubscribeRequest { AfterPosition = 0, Clinics = { clinics }, Scope = scope ?? "" }, headers, cancellationToken: cancel.Token);
            var events = new List<JsonElement>();
            try
            {
                while (events.Count < expected && await call.ResponseStream.MoveNext(cancel.Token))
                {
                    events.Add(JsonDocument.Parse(call.ResponseStream.Current.CloudEvent).RootElement);
                }

                cancel.CancelAfter(TimeSpan.FromMilliseconds(500));
                while (await call.ResponseStream.MoveNext(cancel.Token))
                {
                    events.Add(JsonDocument.Parse(call.ResponseStream.Current.CloudEvent).RootElement);
                }
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.PermissionDenied)
            {
                return new ChannelRead([], HttpStatusCode.Forbidden, refused.Trailers.GetValue("field"));
            }
            catch (Exception quiet) when (quiet is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException && events.Count >= expected)
            {
                // The quiet moment after the last expected event passed.
            }

            return new ChannelRead(events);
        }
    }

    /// <summary>A webhook registered from the start of the log (<c>after: 0</c>); its token also carries the webhooks scope.</summary>
    private sealed record Webhook() : FeedChannel("webhook")
    {
        public override async Task<ChannelRead> ReadAsync(TrackingFactory factory, Caller caller, IReadOnlyList<string> clinics, string? scope, int expected)
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            var client = factory.CreateClient(caller with { Scopes = [.. caller.Scopes, TokenScopes.Webhooks], Subject = $"webhook-{Guid.NewGuid():N}" });
            var response = await client.PostAsJsonAsync("/api/tracking/webhooks", new { url = receiver.Url, clinics, scope, after = 0 });
            if (!response.IsSuccessStatusCode)
            {
                return await RefusedAsync(response);
            }

            receiver.Secret = (await response.ReadAsAsync<RegisteredWebhook>()).Secret!;
            await Eventually.Until(() => Task.FromResult(receiver.Received.Count >= expected ? (object)true : null),
                timeout: TimeSpan.FromSeconds(60), what: $"{expected} webhook deliveries");
            await Task.Delay(1000);
            return new ChannelRead([.. receiver.Received.Select(delivery => JsonDocument.Parse(delivery.Body).RootElement)]);
        }
    }
}
