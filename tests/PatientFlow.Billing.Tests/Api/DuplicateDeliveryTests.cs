using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Billing.Accounts.Claiming;
using PatientFlow.Billing.Accounts.GettingCharges;
using PatientFlow.Billing.Accounts.RecordingVisit;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using ClaimDetails = PatientFlow.Billing.Claims.Claim;

namespace PatientFlow.Billing.Tests.Api;

/// <summary>
/// At-least-once delivery: the same event id twice, an old id republished after the visit moved on, and a
/// delivery whose save loses a real race (another session commits first) and is retried. Each leaves one
/// charge per fact and one claim per visit.
/// </summary>
[Trait("Category", "Faults")]
public class DuplicateDeliveryTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private readonly HttpClient _billing = factory.CreateClient(Roles.Billing);

    [Fact]
    public async Task Publish_SameEventTwice_ChargedOnce()
    {
        var visit = VisitFacts.New();
        using var consumed = factory.CountConsumed(visit.Completed.EventId);

        await factory.PublishAsync(visit.Completed);
        await factory.PublishAsync(visit.Completed);
        await consumed.WaitForAsync(times: 2);

        (await AccountEventsAsync(visit.VisitId)).Should().ContainSingle().Which.Should().BeOfType<EncounterCharged>();
        (await ChargeCodesAsync(visit.VisitId)).Should().Equal("99213", "87880");
    }

    [Fact]
    public async Task Publish_OldEventIdsAgainAfterTheClaim_OneClaimAndNothingAppended()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.Resulted);
        await factory.DeliverAsync(visit.CheckedOut);
        var claim = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>();
        var before = await AccountEventsAsync(visit.VisitId);

        // Republished minutes later (an operator replay, a relay that crashed before its checkpoint moved), newest first.
        await RepublishAsync(visit.CheckedOut);
        await RepublishAsync(visit.Resulted);
        await RepublishAsync(visit.Completed);
        await RepublishAsync(visit.Booked);

        (await AccountEventsAsync(visit.VisitId)).Should().HaveCount(before.Count);
        (await ClaimsOfAsync(visit.VisitId)).Should().ContainSingle().Which.ClaimId.Should().Be(claim.ClaimId);
        (await ChargeCodesAsync(visit.VisitId)).Should().Equal("99213", "87880", "82947");
    }

    [Fact]
    public async Task CheckOut_WhileAnotherReplicaChargesTheLabResult_RetriedOnTheNewStateAndClaimHasTheLabLine()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(visit.Completed);
        factory.Interference.Arm(
            session => SavesHandled(session, visit.CheckedOut.EventId),
            competitor => ChargeElsewhereAsync(competitor, visit));

        await factory.DeliverAsync(visit.CheckedOut);
        var claim = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>();

        factory.Interference.Attempts.Should().Be(2, "the first save failed on the account's version and the retry decided again");
        (await factory.Interference.CommitsAfterAsync(1)).Should().Be(1);
        claim.Lines.Select(line => line.Code).Should().Equal("99213", "87880", "82947");
        claim.TotalCharge.Should().Be(130.00m);
        (await ClaimsOfAsync(visit.VisitId)).Should().ContainSingle();
        await RepublishAsync(visit.Resulted);
        (await ChargeCodesAsync(visit.VisitId)).Should().Equal("99213", "87880", "82947");
    }

    [Fact]
    public async Task CheckOut_HandledByAnotherReplicaMeanwhile_SaveFailsAndRetrySkipsIt()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Completed);
        var competitorClaim = Guid.CreateVersion7();
        using var consumed = factory.CountConsumed(visit.CheckedOut.EventId);
        factory.Interference.Arm(
            session => SavesHandled(session, visit.CheckedOut.EventId),
            competitor => CheckOutElsewhereAsync(competitor, visit, competitorClaim));

        await factory.PublishAsync(visit.CheckedOut);
        await consumed.WaitForAsync(times: 1);

        factory.Interference.Attempts.Should().Be(1, "the retry found the event handled and saved nothing");
        factory.Interference.Commits.Should().Be(0, "the losing save rolled back with its claim");
        (await ClaimsOfAsync(visit.VisitId)).Should().ContainSingle().Which.ClaimId.Should().Be(competitorClaim);
        (await AccountEventsAsync(visit.VisitId)).OfType<CheckOutRecorded>().Should().ContainSingle();
    }

    [Fact]
    public async Task LabResult_DecidedAsNoChangeWhileTheAccountMoves_SaveStillChecksTheVersionAndRetries()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.Resulted);
        // The same result under a new id: one test, so "changes nothing", decided on the version fetched.
        var again = visit.Resulted with { EventId = Guid.CreateVersion7() };
        factory.Interference.Arm(session => SavesHandled(session, again.EventId), competitor => BookElsewhereAsync(competitor, visit));

        await factory.DeliverAsync(again);

        factory.Interference.Attempts.Should().Be(2, "a decision that appends nothing is checked against the version it was made on");
        (await factory.Interference.CommitsAfterAsync(1)).Should().Be(1);
        (await AccountEventsAsync(visit.VisitId)).Select(e => e.GetType()).Should()
            .Equal(typeof(EncounterCharged), typeof(LabResultCharged), typeof(AppointmentRecorded));
    }

    private static bool SavesHandled(IDocumentSession session, Guid eventId) =>
        session.PendingChanges.InsertsFor<HandledIntegrationEvent>().Any(handled => handled.Id == eventId);

    /// <summary>What the lab-result consumer of another replica commits, through the same decider.</summary>
    private async Task ChargeElsewhereAsync(IDocumentSession competitor, VisitFacts visit)
    {
        var r = visit.Resulted;
        var stream = await competitor.Events.FetchForWriting<BillingAccount>(visit.VisitId);
        var decision = ChargeLabResultDecider.Decide(
            stream.Aggregate, new ChargeLabResult(r.VisitId, r.PatientId, r.OrderId, r.BillingCode, r.OccurredAt), Fees, NextClaim());
        stream.AppendMany(decision.AccountEvents);
        competitor.Insert(new HandledIntegrationEvent(r.EventId, r.GetType().Name, DateTimeOffset.UtcNow));
    }

    /// <summary>What the check-out consumer of another replica, handling the very same message, commits.</summary>
    private async Task CheckOutElsewhereAsync(IDocumentSession competitor, VisitFacts visit, Guid claimId)
    {
        var c = visit.CheckedOut;
        var stream = await competitor.Events.FetchForWriting<BillingAccount>(visit.VisitId);
        var decision = RecordCheckOutDecider.Decide(stream.Aggregate, new RecordCheckOut(c.VisitId, c.PatientId, c.OccurredAt), NextClaim(claimId));
        stream.AppendMany(decision.AccountEvents);
        competitor.Events.StartStream<ClaimDetails>(claimId, decision.Claim!);
        competitor.Insert(new HandledIntegrationEvent(c.EventId, c.GetType().Name, DateTimeOffset.UtcNow));
    }

    private async Task BookElsewhereAsync(IDocumentSession competitor, VisitFacts visit)
    {
        var b = visit.Booked;
        var stream = await competitor.Events.FetchForWriting<BillingAccount>(visit.VisitId);
        var decision = RecordAppointmentDecider.Decide(
            stream.Aggregate, new RecordAppointment(b.VisitId, b.PatientId, b.ProviderId, b.Clinic, b.StartsAt), NextClaim());
        stream.AppendMany(decision.AccountEvents);
        competitor.Insert(new HandledIntegrationEvent(b.EventId, b.GetType().Name, DateTimeOffset.UtcNow));
    }

    private FeeSchedule Fees => factory.Services.GetRequiredService<FeeSchedule>();

    private NewClaim NextClaim(Guid? claimId = null) => new(claimId ?? Guid.CreateVersion7(), Fees.Currency, DateTimeOffset.UtcNow);

    /// <summary>Publishes an event billing has handled before and waits until it was consumed (and skipped) again.</summary>
    private async Task RepublishAsync<T>(T fact) where T : class, IVisitEvent
    {
        using var consumed = factory.CountConsumed(fact.EventId);
        await factory.PublishAsync(fact);
        await consumed.WaitForAsync(times: 1);
    }

    private async Task<IReadOnlyList<object>> AccountEventsAsync(Guid visitId)
    {
        await using var session = factory.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(visitId)).Select(e => e.Data)];
    }

    private async Task<IReadOnlyList<ClaimDetails>> ClaimsOfAsync(Guid visitId)
    {
        await using var session = factory.Store.QuerySession();
        return await session.Query<ClaimDetails>().Where(claim => claim.VisitId == visitId).ToListAsync();
    }

    private async Task<IReadOnlyList<string>> ChargeCodesAsync(Guid visitId)
    {
        var charges = await (await _billing.GetAsync($"/api/billing/visits/{visitId}/charges")).EnsureSuccessStatusCode().ReadAsAsync<VisitCharges>();
        return [.. charges.Charges.Select(charge => charge.Code)];
    }

    /// <summary>An answer the factory waited for, read as the service's own type (with the services' JSON options).</summary>
}
