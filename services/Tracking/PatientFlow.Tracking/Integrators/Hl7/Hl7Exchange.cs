using Marten;
using PatientFlow.Platform.Audit;
using PatientFlow.Tracking.Integrators.Feed;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// One feed entry's message to the receiving interface: sent until the receiver accepts (AA, CA) or refuses (AR, CR)
/// it, then recorded with the cursor in one transaction. Anything else (AE, CE, no ACK, an ACK for another message,
/// a lost connection) sends the same message again after a growing wait, for as long as it takes: v2 interfaces are
/// order-sensitive, so the sender holds its place rather than skip ahead.
/// </summary>
public sealed class Hl7Exchange(
    IDocumentStore store, MllpClient mllp, Hl7VisitContexts contexts, Hl7FeedOptions settings, TimeProvider clock, ILogger logger,
    Hl7SenderStatus status, Disclosures disclosures)
{
    public Hl7SenderStatus Status { get; private set; } = status;

    public async Task SettleAsync(FeedEntry entry, CancellationToken ct)
    {
        var controlId = Hl7ControlId.For(entry.Step.SourceEventId);
        (Hl7Message Message, Hl7VisitContext After)? built = null;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                built ??= await BuildAsync(entry, ct);
                var ack = await mllp.SendAsync(built.Value.Message, ct);
                // The receiver has the message, whatever it answered: recorded before the cursor moves past it.
                await disclosures.RecordAsync(new Disclosure(
                    $"hl7:{settings.ReceivingApplication}@{settings.ReceivingFacility}", [], settings.Clinics, "hl7-message", controlId, [entry.Step.PatientId],
                    ack.Accepted ? 200 : ack.Rejected ? 422 : 502, $"HL7 {built.Value.Message.Type} MLLP {settings.Host}:{settings.Port}"), ct);
                if (ack.Accepted || ack.Rejected)
                {
                    contexts.Remember(entry.Step.VisitId, built.Value.After);
                    await RecordAsync(entry, built.Value.Message, ack, attempt, ct);
                    return;
                }

                failure = ack.Code;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                failure = exception.GetType().Name;
                logger.LogDebug(exception, "HL7 {ControlId} attempt {Attempt} failed", controlId, attempt);
            }

            var wait = Backoff.After(attempt, settings.RetryFirstAfter, settings.RetryLongest, Random.Shared);
            logger.LogWarning(
                "HL7 {ControlId} (event {EventId}, visit {VisitId}, position {Position}): attempt {Attempt} failed ({Failure}); sending it again in {Wait}",
                controlId, entry.Step.SourceEventId, entry.Step.VisitId, entry.Position, attempt, failure, wait);
            await KeepAsync(Status with
            {
                ControlId = controlId, Position = entry.Position, Retrying = true, Attempts = attempt, LastFailure = failure, UpdatedAt = clock.GetUtcNow(),
            }, ct);
            await Task.Delay(wait, clock, ct);
        }
    }

    private async Task<(Hl7Message, Hl7VisitContext)> BuildAsync(FeedEntry entry, CancellationToken ct)
    {
        var e = FeedPayloads.Read(entry.Step) ?? throw new InvalidOperationException($"Step at {entry.Position} has no payload to build a message from.");
        var before = await contexts.BeforeAsync(e.VisitId, entry.Position, ct);
        var message = Hl7Translator.For(e, before, settings.Header())
            ?? throw new InvalidOperationException($"{entry.Step.EventType} has no HL7 message.");
        return (message, before.Apply(e));
    }

    private async Task RecordAsync(FeedEntry entry, Hl7Message message, MllpAck ack, int attempts, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        if (ack.Rejected)
        {
            // The receiver's reason may quote the message; it stays in this log, readable by integrators, never in the logs.
            var text = ack.Text is { Length: > Hl7Delivery.MaxAckText } whole ? whole[..Hl7Delivery.MaxAckText] : ack.Text;
            session.Store(new Hl7Delivery(
                entry.Step.SourceEventId, message.ControlId, entry.Step.VisitId, message.Type, entry.Position, ack.Code, text, attempts, now, entry.Step.Clinic));
            logger.LogWarning(
                "HL7 {ControlId} {MessageType} (event {EventId}, visit {VisitId}, position {Position}) refused with {AckCode}; moving on",
                message.ControlId, message.Type, entry.Step.SourceEventId, entry.Step.VisitId, entry.Position, ack.Code);
        }
        else
        {
            logger.LogDebug("HL7 {ControlId} {MessageType} (position {Position}) accepted with {AckCode}", message.ControlId, message.Type, entry.Position, ack.Code);
        }

        FeedCursors.Store(session, Hl7Sender.Name, entry.Position, clock);
        Status = Status with
        {
            ControlId = message.ControlId, Position = entry.Position, LastAck = ack.Code, LastAckAt = now, Retrying = false, Attempts = attempts,
            LastFailure = null, UpdatedAt = now,
        };
        session.Store(Status);
        // Cursor, status and refusal together: after a crash the message is either settled and passed, or sent again.
        await session.SaveChangesAsync(ct);
    }

    private async Task KeepAsync(Hl7SenderStatus retrying, CancellationToken ct)
    {
        Status = retrying;
        await using var session = store.LightweightSession();
        session.Store(Status);
        await session.SaveChangesAsync(ct);
    }
}
