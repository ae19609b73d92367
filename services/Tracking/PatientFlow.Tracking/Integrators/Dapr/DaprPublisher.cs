using Dapr.Client;
using Marten;
using Microsoft.Extensions.Options;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Dapr;

/// <summary>
/// Publishes every feed event, in the log's order, to a Dapr pub/sub component through the sidecar, on one tracking
/// instance at a time. Each event goes as the feed's own structured CloudEvent with the content type
/// <c>application/cloudevents+json</c>, which the sidecar passes on as it is (adding only its tracing, topic and
/// pubsubname attributes) instead of wrapping it in a CloudEvent of its own.
/// </summary>
/// <remarks>
/// At least once: the cursor moves after the sidecar accepted an event, so a crash in between publishes it again;
/// subscribers deduplicate on the CloudEvent <c>id</c>. A failed publish is retried, with a growing wait, until it
/// succeeds: the events after it wait, so they keep their order.
/// </remarks>
public sealed class DaprPublisher(
    IDocumentStore store, FeedLog feed, IOptions<DaprFeedOptions> options, TimeProvider clock, ILogger<DaprPublisher> logger) : BackgroundService
{
    /// <summary>The cursor's and single-instance lock's name.</summary>
    public const string Name = "dapr-publisher";

    public const string ContentType = "application/cloudevents+json";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SingleInstance.RunAsync(store, Name, PublishInOrderAsync, logger, stoppingToken);

    private async Task PublishInOrderAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var cursor = await FeedCursors.LoadOrStartAsync(store, Name, settings.StartFrom, clock, ct);
        using var dapr = new DaprClientBuilder().UseGrpcEndpoint(settings.GrpcEndpoint).Build();
        logger.LogInformation("Dapr publisher resumes after position {Position}", cursor.Position);
        await foreach (var entry in feed.FollowAsync(FeedQuery.All, cursor.Position, ct))
        {
            await PublishAsync(dapr, settings, entry, ct);
            await FeedCursors.SaveAsync(store, Name, entry.Position, clock, ct);
        }
    }

    private async Task PublishAsync(DaprClient dapr, DaprFeedOptions settings, FeedEntry entry, CancellationToken ct)
    {
        var envelope = FeedEnvelope.Encode(entry, settings.Scope);
        // Brokers that partition a topic (Kafka, Event Hubs) keep one visit's events on one partition, in order;
        // the others ignore the key.
        var metadata = new Dictionary<string, string> { ["partitionKey"] = entry.Step.VisitId.ToString() };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                deadline.CancelAfter(settings.PublishTimeout);
                await dapr.PublishByteEventAsync(settings.PubSubName, settings.Topic, envelope, ContentType, metadata, deadline.Token);
                return;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                var wait = Backoff.After(attempt, settings.RetryFirstAfter, settings.RetryLongest, Random.Shared);
                logger.LogWarning(
                    "Dapr publish of event {EventId} (position {Position}) failed on attempt {Attempt} ({Failure}); trying again in {Wait}",
                    entry.Step.SourceEventId, entry.Position, attempt, exception.GetType().Name, wait);
                logger.LogDebug(exception, "Dapr publish of event {EventId} failed", entry.Step.SourceEventId);
                await Task.Delay(wait, clock, ct);
            }
        }
    }
}
