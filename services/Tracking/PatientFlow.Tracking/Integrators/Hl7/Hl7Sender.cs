using Marten;
using Microsoft.Extensions.Options;
using PatientFlow.Platform.Audit;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// Sends the feed to one HL7 v2 interface over MLLP, in the log's order, one message at a time, on one tracking
/// instance at a time. Its place in the log is a <see cref="FeedCursor"/>, so a restart or another instance taking
/// over resends at most the message in flight (same MSH-10, which receivers deduplicate on).
/// </summary>
public sealed class Hl7Sender(
    IDocumentStore store, FeedLog feed, IOptions<Hl7FeedOptions> options, Disclosures disclosures, TimeProvider clock, ILogger<Hl7Sender> logger) : BackgroundService
{
    /// <summary>The cursor's, status's and single-instance lock's name.</summary>
    public const string Name = "hl7-sender";

    /// <summary>Steps without a message pass unsaved until this many have, or until the sender has caught up.</summary>
    public const int KeepSkippedEvery = 500;

    private static readonly HashSet<Type> WithMessage = [.. Hl7Translator.Mappings().Select(mapping => mapping.Event)];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SingleInstance.RunAsync(store, Name, SendInOrderAsync, logger, stoppingToken);

    private async Task SendInOrderAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var cursor = await FeedCursors.LoadOrStartAsync(store, Name, settings.StartFrom, clock, ct);
        await using var mllp = new MllpClient(settings.Mllp());
        var contexts = new Hl7VisitContexts(store, settings.CachedVisits);
        var exchange = new Hl7Exchange(store, mllp, contexts, settings, clock, logger, await StatusAsync(cursor, ct), disclosures);
        logger.LogInformation("HL7 sender resumes after position {Position}", cursor.Position);

        long? unsaved = null;
        var skipped = 0;
        // The whole log, not only the configured clinics': a visit's context in memory must see each of its steps,
        // and a visit can pass through a clinic the interface does not receive (rescheduled elsewhere and back).
        await using var entries = feed.FollowAsync(FeedQuery.All, cursor.Position, ct).GetAsyncEnumerator(ct);
        while (true)
        {
            var next = entries.MoveNextAsync();
            if (!next.IsCompleted && unsaved is { } caughtUp)
            {
                await FeedCursors.SaveAsync(store, Name, caughtUp, clock, ct);
                unsaved = null;
            }

            if (!await next)
            {
                return;
            }

            var entry = entries.Current;
            if (Sends(settings, entry))
            {
                await exchange.SettleAsync(entry, ct);
                unsaved = null;
                continue;
            }

            contexts.Follow(entry);
            unsaved = entry.Position;
            if (++skipped % KeepSkippedEvery == 0)
            {
                await FeedCursors.SaveAsync(store, Name, entry.Position, clock, ct);
                unsaved = null;
            }
        }
    }

    /// <summary>A step of a covered clinic whose event has a v2 message; a step kept without its payload has none to build.</summary>
    private static bool Sends(Hl7FeedOptions settings, FeedEntry entry) =>
        settings.Covers(entry) && entry.Step.Payload is not null && FeedPayloads.ContractOf(entry.Step) is { } contract && WithMessage.Contains(contract);

    private async Task<Hl7SenderStatus> StatusAsync(FeedCursor cursor, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Hl7SenderStatus>(Name, ct)
            ?? new Hl7SenderStatus(Name, null, cursor.Position, null, null, false, 0, null, clock.GetUtcNow());
    }
}
