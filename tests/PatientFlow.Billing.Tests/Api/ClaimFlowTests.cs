using System.Net;
using System.Text.Json;
using Marten;
using ClaimDetails = PatientFlow.Billing.Claims.Claim;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Billing.Tests.Api;

public class ClaimFlowTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private static readonly (int, string, int, decimal, decimal, string, string, bool)[] ExpectedLines =
    [
        (1, "99213", 1, 90.00m, 90.00m, "1,2", "encounter", false),
        (2, "87880", 1, 25.00m, 25.00m, "1,2", "encounter", false),
        (3, "82947", 1, 15.00m, 15.00m, "1", "lab", false),
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

        var claim = await factory.WaitForClaimAsync(visit.VisitId);
        ShouldBeTheVisitClaim(claim, visit, clinic: "north");
        var claimId = claim.GetProperty("claimId").GetGuid();
        var byId = await factory.WaitForAsync($"/api/billing/claims/{claimId}");
        byId.GetRawText().Should().Be(claim.GetRawText());

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
        var claim = await factory.WaitForClaimAsync(visit.VisitId);
        await factory.DeliverAsync(visit.Booked);

        // The booking came after the claim: the claim knows no clinic and is dated by the check-out.
        ShouldBeTheVisitClaim(claim, visit, clinic: null);
        (await factory.WaitForClaimAsync(visit.VisitId)).GetRawText().Should().Be(claim.GetRawText());
        (await published.WaitForAsync(e => e.VisitId == visit.VisitId)).Should().Match<ClaimCreated>(e =>
            e.ClaimId == claim.GetProperty("claimId").GetGuid() && e.LineCount == 3 && e.TotalCharge == 130.00m);
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
        var claim = await factory.WaitForClaimAsync(visit.VisitId);

        await factory.DeliverAsync(visit.Resulted);

        var charges = await factory.WaitForAsync($"/api/billing/visits/{visit.VisitId}/charges");
        charges.GetProperty("charges").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Should().Equal("99213", "87880", "82947");
        charges.GetProperty("claimId").GetGuid().Should().Be(claim.GetProperty("claimId").GetGuid());
        claim.GetProperty("lines").GetArrayLength().Should().Be(2);
        var after = await factory.WaitForClaimAsync(visit.VisitId);
        after.GetProperty("claimId").GetGuid().Should().Be(claim.GetProperty("claimId").GetGuid(), "a claim not yet sent takes the late line itself");
        after.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()).Should().Equal("99213", "87880", "82947");
        after.GetProperty("lines")[2].GetProperty("lineNumber").GetInt32().Should().Be(3);
        after.GetProperty("totalCharge").GetDecimal().Should().Be(130.00m);
        after.GetProperty("frequencyCode").GetString().Should().Be("1");
    }

    [Fact]
    public async Task Visit_ProcedureMissingFromFeeSchedule_ClaimLineUnpricedAtZero()
    {
        var visit = VisitFacts.New(new ProcedurePerformed("99214", 1), new ProcedurePerformed("99499", 2));

        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.CheckedOut);

        var lines = (await factory.WaitForClaimAsync(visit.VisitId)).GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => (l.GetProperty("code").GetString(), l.GetProperty("units").GetInt32(), l.GetProperty("amount").GetDecimal(),
                l.GetProperty("unpriced").GetBoolean()))
            .Should().Equal(("99214", 1, 130.00m, false), ("99499", 2, 0.00m, true));
    }

    private static void ShouldBeTheVisitClaim(JsonElement claim, VisitFacts visit, string? clinic)
    {
        claim.GetProperty("visitId").GetGuid().Should().Be(visit.VisitId);
        claim.GetProperty("patientId").GetGuid().Should().Be(visit.PatientId);
        claim.GetProperty("providerId").GetGuid().Should().Be(visit.ProviderId);
        claim.GetProperty("clinic").ValueKind.Should().Be(clinic is null ? JsonValueKind.Null : JsonValueKind.String);
        claim.GetProperty("clinic").GetString().Should().Be(clinic);
        claim.GetProperty("dateOfService").GetString().Should().Be("2025-03-04");
        claim.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()).Should().Equal("J02.9", "R50.9");
        claim.GetProperty("lines").EnumerateArray().Select(l => (
                l.GetProperty("lineNumber").GetInt32(),
                l.GetProperty("code").GetString()!,
                l.GetProperty("units").GetInt32(),
                l.GetProperty("unitPrice").GetDecimal(),
                l.GetProperty("amount").GetDecimal(),
                string.Join(',', l.GetProperty("diagnosisPointers").EnumerateArray().Select(p => p.GetInt32())),
                l.GetProperty("source").GetString()!,
                l.GetProperty("unpriced").GetBoolean()))
            .Should().Equal(ExpectedLines);
        claim.GetProperty("totalCharge").GetDecimal().Should().Be(130.00m);
        claim.GetProperty("currency").GetString().Should().Be("USD");
        claim.GetProperty("status").GetString().Should().Be("draft");
    }
}
