using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts;
using PatientFlow.ServiceDefaults.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>
/// Applies one visit event to the visit's billing account. Consumers run concurrently and events
/// arrive in any order: FetchForWriting checks the account's version at save, so of two racing
/// consumers one fails with a concurrency error and MassTransit's retry re-runs it on the new state.
/// That is also what keeps the claim to one per visit.
/// </summary>
public abstract class AccountConsumer<TEvent>(IDocumentStore store, FeeSchedule fees, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent>(store, logger)
    where TEvent : class, IVisitEvent
{
    private readonly ILogger _logger = logger;

    protected abstract VisitDecision Decide(BillingAccount? state, TEvent message, FeeSchedule fees, NewClaim next);

    protected sealed override async Task HandleAsync(TEvent message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<BillingAccount>(message.VisitId, cancellationToken);
        // "Changes nothing" is a decision too, made on this version: the save checks it even with nothing appended.
        stream.AlwaysEnforceConsistency = stream.Aggregate is not null;
        var decision = Decide(stream.Aggregate, message, fees, new NewClaim(Guid.CreateVersion7(), fees.Currency, clock.GetUtcNow()));
        stream.AppendMany(decision.AccountEvents);
        if (decision.Claim is { } claim)
        {
            session.Events.StartStream<ClaimDetails>(claim.ClaimId, claim);
        }

        Log(message, decision);
    }

    private void Log(TEvent message, VisitDecision decision)
    {
        var type = typeof(TEvent).Name;
        if (decision.AccountEvents.Count == 0)
        {
            _logger.LogInformation("Billing account {VisitId}: {EventType} {EventId} changes nothing", message.VisitId, type, message.EventId);
            return;
        }

        _logger.LogInformation("Billing account {VisitId}: {EventType} {EventId} appends {AccountEvents}",
            message.VisitId, type, message.EventId, decision.AccountEvents.Select(e => e.GetType().Name));
        if (decision.Claim is { } claim)
        {
            _logger.LogInformation("Billing account {VisitId}: drafting claim {ClaimId}", claim.VisitId, claim.ClaimId);
        }
    }
}
