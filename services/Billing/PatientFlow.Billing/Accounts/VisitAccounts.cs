using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.LateCharges;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts;

namespace PatientFlow.Billing.Accounts;

/// <summary>
/// The command path of a visit's billing account, as the consumers of visit events take it. Consumers run concurrently
/// and events arrive in any order: the account's version is checked at save, so of two racing consumers one fails with a
/// concurrency error and MassTransit's retry re-runs it on the new state. That also keeps the claim to one per visit. A
/// drafted claim is started and scrubbed, and a late charge put on its claim, in the same commit as the account's events.
/// </summary>
public sealed class VisitAccounts(FeeSchedule fees, ClaimsSettings settings, ClaimContexts claims, TimeProvider clock, ILogger<VisitAccounts> logger)
{
    public FeeSchedule Fees => fees;

    /// <summary>Applies <paramref name="message"/> to its visit's account in <paramref name="session"/>; the caller saves.</summary>
    public async Task ApplyAsync(
        IDocumentSession session, IVisitEvent message, Func<BillingAccount?, NewClaim, Task<VisitDecision>> decide, CancellationToken ct)
    {
        var next = new NewClaim(Guid.CreateVersion7(), fees.Currency, clock.GetUtcNow(), settings.LateCharges == LateChargePolicy.Wait);
        VisitDecision? decision = null;
        await session.AppendAsync<BillingAccount>(message.VisitId, async account =>
        {
            decision = await decide(account, next);
            if (decision.AccountEvents.Count > 0 && BillingAccount.Replay(account, decision.AccountEvents) is { } after)
            {
                session.Store(AccountView.From(after));
            }

            return decision.AccountEvents;
        }, notFound: null, ct);

        if (decision!.Claim is { } claim)
        {
            await DraftClaimDecider.StartAsync(session, claim, claims.For("billing"), ct);
        }

        if (decision is { LateCharges: { Count: > 0 } late, ClaimId: { } claimId })
        {
            await session.AppendAsync<Claim>(claimId, async state => AddLateChargesDecider.Decide(
                state!, late, await ClaimContexts.PrimaryCoverageAsync(session, state!.PatientId, ct), claims.For("billing")), () => Claim.NotFound(claimId), ct);
        }

        Log(message, decision);
    }

    /// <inheritdoc cref="ApplyAsync(IDocumentSession, IVisitEvent, Func{BillingAccount?, NewClaim, Task{VisitDecision}}, CancellationToken)"/>
    public Task ApplyAsync(IDocumentSession session, IVisitEvent message, Func<BillingAccount?, NewClaim, VisitDecision> decide, CancellationToken ct) =>
        ApplyAsync(session, message, (account, next) => Task.FromResult(decide(account, next)), ct);

    private void Log(IVisitEvent message, VisitDecision decision)
    {
        var type = message.GetType().Name;
        if (decision.AccountEvents.Count == 0)
        {
            logger.LogInformation("Billing account {VisitId}: {EventType} {EventId} changes nothing", message.VisitId, type, message.EventId);
            return;
        }

        logger.LogInformation("Billing account {VisitId}: {EventType} {EventId} appends {AccountEvents}",
            message.VisitId, type, message.EventId, decision.AccountEvents.Select(e => e.GetType().Name));
        if (decision.Claim is { } claim)
        {
            logger.LogInformation("Billing account {VisitId}: drafting claim {ClaimId}", claim.VisitId, claim.ClaimId);
        }

        if (decision.ClaimId is { } late)
        {
            logger.LogInformation("Billing account {VisitId}: late charge(s) to claim {ClaimId}", message.VisitId, late);
        }
    }
}
