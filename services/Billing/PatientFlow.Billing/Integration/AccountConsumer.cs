using Marten;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing.Integration;

/// <summary>What account consumers share: prices, the claim desk, the late-charge policy, the payer and the clock.</summary>
public sealed record AccountServices(FeeSchedule Fees, ClaimDesk Desk, ClaimsSettings Settings, EligibilityChecks Eligibility, TimeProvider Clock)
{
    public NewClaim NextClaim() => new(Guid.CreateVersion7(), Fees.Currency, Clock.GetUtcNow(), Settings.LateCharges == LateChargePolicy.Wait);
}

/// <summary>
/// Applies one visit event to the visit's billing account. Consumers run concurrently and events
/// arrive in any order: FetchForWriting checks the account's version at save, so of two racing
/// consumers one fails with a concurrency error and MassTransit's retry re-runs it on the new state.
/// That is also what keeps the claim to one per visit. A drafted claim is scrubbed, and a late charge
/// put on its claim, in the same commit as the account's events.
/// </summary>
public abstract class AccountConsumer<TEvent>(IDocumentStore store, AccountServices services, ILogger logger)
    : IdempotentConsumer<TEvent>(store, logger)
    where TEvent : class, IVisitEvent
{
    private readonly ILogger _logger = logger;

    protected AccountServices Services => services;

    protected virtual VisitDecision Decide(BillingAccount? state, TEvent message, FeeSchedule fees, NewClaim next) =>
        throw new NotSupportedException($"{GetType().Name} decides asynchronously");

    /// <summary>Override to ask something outside the account first (the payer); the default decides from the account alone.</summary>
    protected virtual Task<VisitDecision> DecideAsync(BillingAccount? state, TEvent message, IDocumentSession session, NewClaim next, CancellationToken ct) =>
        Task.FromResult(Decide(state, message, services.Fees, next));

    protected sealed override async Task HandleAsync(TEvent message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<BillingAccount>(message.VisitId, cancellationToken);
        // "Changes nothing" is a decision too, made on this version: the save checks it even with nothing appended.
        stream.AlwaysEnforceConsistency = stream.Aggregate is not null;
        var decision = await DecideAsync(stream.Aggregate, message, session, services.NextClaim(), cancellationToken);
        stream.AppendMany(decision.AccountEvents);
        if (decision.AccountEvents.Count > 0 && BillingAccount.Replay(stream.Aggregate, decision.AccountEvents) is { } after)
        {
            session.Store(AccountView.From(after));
        }

        if (decision.Claim is { } claim)
        {
            await services.Desk.DraftAsync(session, claim, cancellationToken);
        }

        if (decision is { LateCharges: { Count: > 0 } late, ClaimId: { } claimId })
        {
            var context = services.Desk.Context("billing");
            await services.Desk.DecideAsync(session, claimId, (c, coverage) => ClaimDecisions.AddLateCharges(c, late, coverage, context), cancellationToken);
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

        if (decision.ClaimId is { } late)
        {
            _logger.LogInformation("Billing account {VisitId}: late charge(s) to claim {ClaimId}", message.VisitId, late);
        }
    }
}
