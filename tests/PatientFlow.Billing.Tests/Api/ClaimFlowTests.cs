using System.Net;
using System.Text.Json;
using Marten;
using PatientFlow.Billing.Accounts.GettingCharges;
using PatientFlow.Billing.Fees;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using ClaimDetails = PatientFlow.Billing.Claims.Claim;
using ClaimStatus = PatientFlow.Billing.Claims.ClaimStatus;

namespace PatientFlow.Billing.Tests.Api;

public class ClaimFlowTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private static readonly (int, string, int, decimal, decimal, string, ChargeSource, bool)[] ExpectedLines =
    [
        (1, "99213", 1, 90.00m, 90.00m, "1,2", ChargeSource.Encounter, false),
        (2, "87880", 1, 25.00m, 25.00m, "1,2", ChargeSource.Encounter, false),
        (3, "82947", 1, 15.00m, 15.00m, "1", ChargeSource.Lab, false),
    ];

    private readonly HttpClient _billing = factory.CreateClient(Roles.Billing);

    [Fact]
    public async Task Visit_EventsInNormalOrder_ClaimHasPricedLinesAndIsPublished()
    {
        var published = factory.Listen<ClaimCreated>();
        var visit = VisitFacts.New();

        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.Resulted);
        (await _billing.GetAsync($"/api/billing/visits/{visit.VisitId}/claim")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await factory.DeliverAsync(visit.CheckedOut);

        var answer = await factory.WaitForClaimAsync(visit.VisitId);
        var claim = answer.ReadAs<ClaimDetails>();
        ShouldBeTheVisitClaim(claim, visit, clinic: "north");
        var claimId = claim.ClaimId;
        var byId = await factory.WaitForAsync($"/api/billing/claims/{claimId}");
        byId.GetRawText().Should().Be(answer.GetRawText());

        var message = await published.WaitForAsync(e => e.VisitId == visit.VisitId);
        message.Should().Match<ClaimCreated>(e =>
            e.ClaimId == claimId && e.PatientId == visit.PatientId && e.LineCount == 3 && e.TotalCharge == 130.00m && e.Currency == "USD");
    }

    [Fact]
    public async Task Visit_EventsInReverseOrder_SameClaimDraftedWhenEncounterArrives()
    {
        var published = factory.Listen<ClaimCreated>();
        var visit = VisitFacts.New();

        await factory.DeliverAsync(visit.CheckedOut);
        await factory.DeliverAsync(visit.Resulted);
        await factory.DeliverAsync(visit.Completed);
        var answer = await factory.WaitForClaimAsync(visit.VisitId);
        await factory.DeliverAsync(visit.Booked);

        // The booking came after the claim: the claim knows no clinic and is dated by the check-out.
        var claim = answer.ReadAs<ClaimDetails>();
        ShouldBeTheVisitClaim(claim, visit, clinic: null);
        (await factory.WaitForClaimAsync(visit.VisitId)).GetRawText().Should().Be(answer.GetRawText());
        (await published.WaitForAsync(e => e.VisitId == visit.VisitId)).Should().Match<ClaimCreated>(e =>
            e.ClaimId == claim.ClaimId && e.LineCount == 3 && e.TotalCharge == 130.00m);
    }

    [Fact]
    public async Task Visits_AllEventsDeliveredAtOnce_ExactlyOneClaimPerVisit()
    {
        var published = factory.Listen<ClaimCreated>();
        var visits = Enumerable.Range(0, 5).Select(_ => VisitFacts.New()).ToList();

        await Task.WhenAll(visits.SelectMany(v => new[]
        {
            factory.PublishAsync(v.CheckedOut), factory.PublishAsync(v.Completed), factory.PublishAsync(v.Resulted), factory.PublishAsync(v.Booked),
        }));
        foreach (var visit in visits)
        {
            await factory.WaitForClaimAsync(visit.VisitId);
            await published.WaitForAsync(e => e.VisitId == visit.VisitId);
        }

        // Long enough for any losing consumer's retry to have run and anything it caused to be relayed.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var ids = visits.Select(v => v.VisitId).ToList();
        await using var session = factory.Store.QuerySession();
        var claims = await session.Query<ClaimDetails>().Where(c => ids.Contains(c.VisitId)).ToListAsync();
        claims.GroupBy(c => c.VisitId).Should().HaveCount(5).And.OnlyContain(g => g.Count() == 1);
        published.Received.Where(e => ids.Contains(e.VisitId)).GroupBy(e => e.VisitId)
            .Should().HaveCount(5).And.OnlyContain(g => g.Count() == 1);
    }

    [Fact]
    public async Task LabResult_ArrivingAfterTheClaimBeforeItIsSent_ChargedOnAccountAndAddedToTheClaimAsALine()
    {
        var visit = VisitFacts.New();
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.CheckedOut);
        var claim = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>();

        await factory.DeliverAsync(visit.Resulted);

        var charges = (await factory.WaitForAsync($"/api/billing/visits/{visit.VisitId}/charges")).ReadAs<VisitCharges>();
        charges.Charges.Select(c => c.Code).Should().Equal("99213", "87880", "82947");
        charges.ClaimId.Should().Be(claim.ClaimId);
        claim.Lines.Should().HaveCount(2);
        var after = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>();
        after.ClaimId.Should().Be(claim.ClaimId, "a claim not yet sent takes the late line itself");
        after.Lines.Select(l => l.Code).Should().Equal("99213", "87880", "82947");
        after.Lines[2].LineNumber.Should().Be(3);
        after.TotalCharge.Should().Be(130.00m);
        after.FrequencyCode.Should().Be("1");
    }

    [Fact]
    public async Task Visit_ProcedureMissingFromFeeSchedule_ClaimLineUnpricedAtZero()
    {
        var visit = VisitFacts.New(new ProcedurePerformed("99214", 1), new ProcedurePerformed("99499", 2));

        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.CheckedOut);

        var lines = (await factory.WaitForClaimAsync(visit.VisitId)).ReadAs<ClaimDetails>().Lines;
        lines.Select(l => (l.Code, l.Units, l.Amount, l.Unpriced))
            .Should().Equal(("99214", 1, 130.00m, false), ("99499", 2, 0.00m, true));
    }

    /// <summary>An answer the factory waited for, read as the service's own type (with the services' JSON options).</summary>

    private static void ShouldBeTheVisitClaim(ClaimDetails claim, VisitFacts visit, string? clinic)
    {
        claim.VisitId.Should().Be(visit.VisitId);
        claim.PatientId.Should().Be(visit.PatientId);
        claim.ProviderId.Should().Be(visit.ProviderId);
        claim.Clinic.Should().Be(clinic);
        claim.DateOfService.Should().Be(new DateOnly(2025, 3, 4));
        claim.Diagnoses.Should().Equal("J02.9", "R50.9");
        claim.Lines.Select(l => (l.LineNumber, l.Code, l.Units, l.UnitPrice, l.Amount, string.Join(',', l.DiagnosisPointers), l.Source, l.Unpriced))
            .Should().Equal(ExpectedLines);
        claim.TotalCharge.Should().Be(130.00m);
        claim.Currency.Should().Be("USD");
        claim.Status.Should().Be(ClaimStatus.Draft);
    }
}
