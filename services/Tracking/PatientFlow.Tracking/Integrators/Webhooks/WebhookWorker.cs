using Marten;
using Marten.Patching;
using Microsoft.Extensions.Options;
using PatientFlow.Platform.Audit;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Webhooks;

/// <summary>
/// Runs webhooks on one tracking instance at a time. It queues each subscription's new feed events as deliveries,
/// moving the subscription's cursor in the same transaction (so each event is queued once), and sends due
/// deliveries: only the earliest pending one of each visit, so a visit's events arrive in feed order, while
/// different visits go in parallel and one failing receiver path does not hold up other visits.
/// </summary>
public sealed class WebhookWorker(
    IDocumentStore store, FeedLog log, FeedHub hub, WebhookSender sender, WebhookSecrets secrets, Disclosures disclosures, IOptionsMonitor<WebhookOptions> options,
    IHostEnvironment environment, TimeProvider clock, ILogger<WebhookWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>The audit status of an attempt the receiver never answered (refused, timed out): the body may have left all the same.</summary>
    private const int NoAnswer = 504;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SingleInstance.RunAsync(store, "webhooks", RunAsync, logger, stoppingToken);

    private async Task RunAsync(CancellationToken ct)
    {
        if (options.CurrentValue.AllowPrivateTargets && !environment.IsDevelopment())
        {
            logger.LogWarning("{Setting} is ignored in {Environment}: webhooks reach public https addresses only",
                $"{WebhookOptions.Section}:{nameof(WebhookOptions.AllowPrivateTargets)}", environment.EnvironmentName);
        }

        if (await secrets.EncryptStoredAsync(store, ct) is > 0 and var encrypted)
        {
            logger.LogInformation("Encrypted the secrets of {Count} webhook subscriptions stored in clear", encrypted);
        }

        while (!ct.IsCancellationRequested)
        {
            var seen = hub.SafePosition;
            var queued = await QueueNewEventsAsync(ct);
            var sent = await SendDueAsync(ct);
            if (queued == 0 && sent == 0)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(IdleCheck);
                await hub.WaitBeyondAsync(seen, idle.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<int> QueueNewEventsAsync(CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var subscriptions = await query.Query<WebhookSubscription>().Where(s => s.Active).ToListAsync(ct);
        var queued = 0;
        foreach (var subscription in subscriptions)
        {
            var cursor = subscription.ReplayAfter ?? subscription.Cursor;
            var page = await log.PageAsync(subscription.Query, cursor, FeedLog.PageSize, ct);
            if (page.ReadUpTo <= cursor && subscription.ReplayAfter is null)
            {
                continue;
            }

            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            foreach (var entry in page.Entries)
            {
                session.Store(new WebhookDelivery(
                    WebhookDelivery.IdOf(subscription.Id, entry.Position), subscription.Id, entry.Position, entry.Step.VisitId,
                    entry.Step.SourceEventId, entry.Type, DeliveryStatus.Pending, 0, now, null, null,
                    await BodyAsync(session, subscription, entry, ct), [], entry.Step.PatientId));
            }

            // This worker is the cursor's only writer; a replay asked for meanwhile is still there next round.
            session.Patch<WebhookSubscription>(subscription.Id).Set(s => s.Cursor, Math.Max(page.ReadUpTo, cursor));
            if (subscription.ReplayAfter is { } replay)
            {
                session.Patch<WebhookSubscription>(s => s.Id == subscription.Id && s.ReplayAfter == replay).Set(s => s.ReplayAfter, (long?)null);
            }
            await session.SaveChangesAsync(ct);
            queued += page.Entries.Count;
        }

        return queued;
    }

    private static async Task<string> BodyAsync(IQuerySession session, WebhookSubscription subscription, FeedEntry entry, CancellationToken ct)
    {
        // FHIR resources carry clinical values: only while the stored grant is still clinical.
        var body = subscription.Format == WebhookFormat.Fhir && subscription.Scope == PayloadScope.Clinical
            && await FhirPayload.BuildAsync(session, entry, ct) is { } bundle
            ? FeedEnvelope.Encode(entry, FhirPayload.ContentType, bundle)
            : FeedEnvelope.Encode(entry, subscription.Scope);
        return System.Text.Encoding.UTF8.GetString(body);
    }

    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var pending = await query.Query<WebhookDelivery>()
            .Where(d => d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Position)
            .Take(5000)
            .ToListAsync(ct);
        var due = pending
            .GroupBy(d => (d.SubscriptionId, d.VisitId))
            .Select(visit => visit.First())
            .Where(head => head.NextAttemptAt <= now)
            .Take(settings.Concurrency * 4)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var subscriptions = (await query.LoadManyAsync<WebhookSubscription>(ct, due.Select(d => d.SubscriptionId).Distinct()))
            .ToDictionary(s => s.Id);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct }, async (delivery, token) =>
        {
            if (subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription) && subscription.Active)
            {
                await AttemptAsync(subscription, delivery, settings, token);
            }
        });
        return due.Count;
    }

    private async Task AttemptAsync(WebhookSubscription subscription, WebhookDelivery delivery, WebhookOptions settings, CancellationToken ct)
    {
        var attempt = await sender.SendAsync(subscription, delivery, ct);
        // Sent is disclosed, whatever the receiver answered: recorded before the delivery is marked, so if the record
        // cannot be written the delivery stays pending and goes again (and is recorded then).
        await disclosures.RecordAsync(new Disclosure(
            subscription.CreatedBy, [], subscription.Clinics, "webhook-delivery", delivery.Id, delivery.PatientId is { } patient ? [patient] : [],
            attempt.StatusCode ?? NoAnswer, $"webhook POST {subscription.Url.Host}"), ct);
        var attempts = delivery.Attempts + 1;
        var first = delivery.FirstAttemptAt ?? attempt.At;
        var log = delivery.Log.Append(attempt).TakeLast(50).ToList();
        WebhookDelivery updated;
        if (attempt.Error is null)
        {
            // Delivered: the copy of the event is no longer needed here.
            updated = delivery with { Status = DeliveryStatus.Delivered, Attempts = attempts, FirstAttemptAt = first, DeliveredAt = attempt.At, Body = null, Log = log };
        }
        else if (RetrySchedule.Next(settings, attempts, first, clock.GetUtcNow(), Random.Shared) is { } next)
        {
            updated = delivery with { Attempts = attempts, FirstAttemptAt = first, NextAttemptAt = next, Log = log };
        }
        else
        {
            logger.LogWarning("Webhook delivery {DeliveryId} of event {EventId} dead-lettered after {Attempts} attempts", delivery.Id, delivery.EventId, attempts);
            updated = delivery with { Status = DeliveryStatus.DeadLettered, Attempts = attempts, FirstAttemptAt = first, Log = log };
        }

        await using var session = store.LightweightSession();
        session.Store(updated);
        await session.SaveChangesAsync(ct);
    }
}
