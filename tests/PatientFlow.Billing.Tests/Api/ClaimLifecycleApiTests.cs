using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PatientFlow.Billing.Accounts.Copay;
using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.Claims.Listing;
using PatientFlow.Billing.Claims.Remittances;
using PatientFlow.Contracts.Billing.V1;
using PatientFlow.Contracts.Intake.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using ClaimDetails = PatientFlow.Billing.Claims.Claim;
using ClaimOutcome = PatientFlow.Billing.Claims.ClaimOutcome;
using ClaimStatus = PatientFlow.Billing.Claims.ClaimStatus;

namespace PatientFlow.Billing.Tests.Api;

/// <summary>
/// A claim's whole life through billing's API, with real PostgreSQL and RabbitMQ: coverage and eligibility, copay at the
/// desk, the claim scrubbed, batched into an 837P, acknowledged, paid or denied by an 835, appealed or corrected.
/// Each test bills its own payer, so batches never pick up another test's claims.
/// </summary>
public class ClaimLifecycleApiTests(BillingFactory factory) : IClassFixture<BillingFactory>
{
    private static readonly DateOnly PaidOn = new(2025, 3, 20);

    private readonly HttpClient _billing = factory.CreateClient(Roles.Billing);
    private readonly HttpClient _desk = factory.CreateClient(Roles.FrontDesk);

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonDocument>())!.RootElement;

    private static string NewPayer() => "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private async Task RegisterCoverageAsync(Guid patientId, string payerId, string from = "2025-01-01", string? to = null, string relationship = "self")
    {
        var card = new
        {
            payerId, payerName = "Acme Health", plan = "Gold PPO", memberId = "W" + Random.Shared.Next(10_000_000, 99_999_999), relationship,
            subscriberLastName = "Example", subscriberFirstName = "Ada", subscriberDateOfBirth = "1980-04-12", subscriberGender = "F",
            addressLine1 = "12 Elm St", city = "Springfield", state = "IL", postalCode = "62704",
            effectiveFrom = from, effectiveTo = to, copayByVisitType = new Dictionary<string, decimal> { ["follow-up"] = 25m }, defaultCopay = 30m,
            deductible = 1500m,
        };
        var registered = await _desk.PutAsJsonAsync($"/api/billing/patients/{patientId}/coverages/primary", card);
        registered.StatusCode.Should().Be(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
    }

    private static PatientCheckedIn CheckIn(VisitFacts visit) =>
        new(Guid.CreateVersion7(), visit.VisitId, visit.PatientId, VisitFacts.StartsAt.AddMinutes(-5), DateTimeOffset.UtcNow, visit.ProviderId, "north");

    private async Task<ClaimDetails> WaitForClaimStatusAsync(Guid visitId, ClaimStatus status) =>
        await Eventually.Until(async () =>
        {
            var response = await _billing.GetAsync($"/api/billing/visits/{visitId}/claim");
            var claim = response.StatusCode == HttpStatusCode.OK ? await response.ReadAsAsync<ClaimDetails>() : null;
            return claim?.Status == status ? claim : null;
        }, what: $"claim of {visitId} to be {status}");

    /// <summary>A covered visit booked, seen and checked out; its claim once it reaches <paramref name="status"/>.</summary>
    private async Task<ClaimDetails> ClaimOfCoveredVisitAsync(string payerId, VisitFacts visit, ClaimStatus status, EncounterCompleted? completed = null)
    {
        await RegisterCoverageAsync(visit.PatientId, payerId);
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(completed ?? visit.Completed);
        await factory.DeliverAsync(visit.CheckedOut);
        return await WaitForClaimStatusAsync(visit.VisitId, status);
    }

    private async Task<(BatchSummary Batch, string File)> BatchAsync(string payerId)
    {
        var created = await _billing.PostAsJsonAsync("/api/billing/batches", new { payerId });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var batch = await created.ReadAsAsync<BatchSummary>();
        var file = await _billing.GetAsync($"/api/billing/batches/{batch.BatchId}/837");
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/edi-x12");
        return (batch, await file.Content.ReadAsStringAsync());
    }

    private async Task<RemittanceDetails> PostRemittanceAsync(string text, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var posted = await _billing.PostAsync("/api/billing/remittances", new StringContent(text, Encoding.ASCII, "application/edi-x12"));
        posted.StatusCode.Should().Be(expected, await posted.Content.ReadAsStringAsync());
        return await posted.ReadAsAsync<RemittanceDetails>();
    }

    [Fact]
    public async Task Visit_FromEligibilityToPaid_CopayReceipt837BatchAcknowledgementAnd835Posting()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New(new ProcedurePerformed("99213", 1, ["25"]), new ProcedurePerformed("87880", 1));
        var eligibility = factory.Listen<EligibilityChecked>();
        var statuses = factory.Listen<ClaimStatusChanged>();
        await RegisterCoverageAsync(visit.PatientId, payerId);

        // Booking and check-in each ask the payer; check-in's answer sets the copay due.
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(CheckIn(visit));
        var copay = await _desk.GetAsync($"/api/billing/patients/{visit.PatientId}/visits/{visit.VisitId}/copay").ReadAsAsync<VisitCopay>();
        copay.CopayDue.Should().Be(25m);
        (await eligibility.WaitForAsync(e => e.VisitId == visit.VisitId && e.Stage == "check-in")).Active.Should().BeTrue();
        (await eligibility.WaitForAsync(e => e.VisitId == visit.VisitId && e.Stage == "booking")).CopayDue.Should().Be(25m);

        var paid = await _desk.PostAsJsonAsync(
            $"/api/billing/patients/{visit.PatientId}/visits/{visit.VisitId}/copay/payments", new { amount = 25m, method = "card", cardReference = "AUTH 448812" });
        paid.StatusCode.Should().Be(HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        var receipt = await paid.ReadAsAsync<CopayReceipt>();
        receipt.ReceiptNumber.Should().MatchRegex("^R[0-9]{10}$");
        receipt.StillDue.Should().Be(0m);
        (await _desk.GetAsync(paid.Headers.Location!)).StatusCode.Should().Be(HttpStatusCode.OK);

        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.Resulted);
        await factory.DeliverAsync(visit.CheckedOut);
        var claim = await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Ready);
        var claimId = claim.ClaimId;
        var number = claim.ClaimNumber;
        claim.Coverage!.PayerId.Should().Be(payerId);
        claim.Lines[0].Modifiers![0].Should().Be("25");

        var (batch, file) = await BatchAsync(payerId);
        batch.ClaimCount.Should().Be(1);
        file.Should().StartWith("ISA*").And.Contain($"CLM*{number}*130*").And.Contain("SV1*HC:99213:25*90*UN*1***1:2~").And.Contain("HI*ABK:J029*ABF:R509~");
        (await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Submitted)).BatchId.Should().Be(batch.BatchId);
        var listed = await _billing.GetAsync($"/api/billing/batches?payerId={payerId}").ReadAsAsync<List<BatchSummary>>();
        listed.Should().HaveCount(1);

        var acknowledged = await _billing.PostAsJsonAsync($"/api/billing/batches/{batch.BatchId}/acknowledgement", new { });
        acknowledged.StatusCode.Should().Be(HttpStatusCode.OK);
        await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Accepted);

        // Paid 95 of 130: 10 written off by contract (CO-45), the 25 copay is the patient's (PR-3).
        var remittance = PayerRemittance.Write("Acme Health", "EFT-" + payerId, PaidOn, new RemitClaim(
            number, "1", 130m, 95m, 25m, "ICN-" + payerId, [],
            [
                new RemitService("99213:25", 90m, 55m, new RemitAdjustment("CO", "45", 10m), new RemitAdjustment("PR", "3", 25m)),
                new RemitService("87880", 25m, 25m),
                new RemitService("82947", 15m, 15m),
            ]));
        var posting = await PostRemittanceAsync(remittance);
        posting.Posted[0].Outcome.Should().Be(ClaimOutcome.Paid);
        var settled = await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Paid);
        settled.Adjudication!.PatientResponsibility.Should().Be(25m);
        settled.WorkQueue.Should().BeNull();

        // The same file again is recognised: the first posting is answered and nothing posts twice.
        var again = await PostRemittanceAsync(remittance, HttpStatusCode.OK);
        again.RemittanceId.Should().Be(posting.RemittanceId);
        (await _billing.GetAsync($"/api/billing/claims/{claimId}").ReadAsAsync<ClaimDetails>()).PostedRemittances.Should().HaveCount(1);

        var balance = await _desk.GetAsync($"/api/billing/patients/{visit.PatientId}/balance").ReadAsAsync<PatientBalance>();
        balance.Balance.Should().Be(0m, "the 25 the payer left to the patient was paid at the desk");
        balance.Visits[0].Basis.Should().Be("adjudicated");
        (await statuses.WaitForAsync(s => s.ClaimId == claimId && s.Status == "paid")).Paid.Should().Be(95m);
    }

    [Fact]
    public async Task Claim_BlockedByTheScrubber_WaitsInTheWorkQueueOutOfBatchesUntilRecoded()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New();
        var claim = await ClaimOfCoveredVisitAsync(payerId, visit, ClaimStatus.Draft, visit.Completed with { Diagnoses = ["J02.9", "FEVER"] });
        var claimId = claim.ClaimId;

        var queue = await _billing.GetAsync("/api/billing/claims/work-queue?queue=scrubber").ReadAsAsync<List<ClaimSummary>>();
        var queued = queue.Single(c => c.ClaimId == claimId);
        queued.Reasons[0].Should().StartWith("diagnosis-format (diagnoses[1])");
        var refused = await _billing.PostAsJsonAsync("/api/billing/batches", new { payerId });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict, "a blocked claim never enters a batch");

        var recoded = await _billing.PutAsJsonAsync($"/api/billing/claims/{claimId}/coding", new
        {
            diagnoses = new[] { "J02.9", "R50.9" },
            lines = new object[]
            {
                new { code = "99213", units = 1, diagnosisPointers = new[] { 1, 2 } },
                new { code = "87880", units = 1, diagnosisPointers = new[] { 1 } },
            },
            reason = "fever coded from the note",
        });
        recoded.StatusCode.Should().Be(HttpStatusCode.OK, await recoded.Content.ReadAsStringAsync());
        (await recoded.ReadAsAsync<ClaimDetails>()).Status.Should().Be(ClaimStatus.Ready);
        var (_, file) = await BatchAsync(payerId);
        file.Should().Contain("HI*ABK:J029*ABF:R509~");
        (await _billing.GetAsync("/api/billing/claims/work-queue").ReadAsAsync<List<ClaimSummary>>())
            .Should().NotContain(c => c.ClaimId == claimId);
    }

    [Fact]
    public async Task Claim_DeniedThenCorrected_ResentAsAReplacementNamingThePayersClaimAndPaid()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New();
        var claim = await ClaimOfCoveredVisitAsync(payerId, visit, ClaimStatus.Ready);
        var claimId = claim.ClaimId;
        var number = claim.ClaimNumber;
        var (first, _) = await BatchAsync(payerId);
        (await _billing.PostAsJsonAsync($"/api/billing/batches/{first.BatchId}/acknowledgement", new { })).EnsureSuccessStatusCode();

        // CO-11: the diagnosis is inconsistent with the procedure.
        await PostRemittanceAsync(PayerRemittance.Write("Acme Health", "DEN-" + payerId, PaidOn,
            new RemitClaim(number, "4", 115m, 0m, 0m, "ICN-" + payerId, [new RemitAdjustment("CO", "11", 115m)], [])));
        await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Denied);
        var denied = (await _billing.GetAsync("/api/billing/claims/work-queue?queue=denied").ReadAsAsync<List<ClaimSummary>>())
            .Single(c => c.ClaimId == claimId);
        denied.Reasons[0].Should().Be("CO-11");

        var corrected = await _billing.PostAsJsonAsync($"/api/billing/claims/{claimId}/correction", new
        {
            diagnoses = new[] { "J02.0" },
            lines = new object[]
            {
                new { code = "99213", units = 1, diagnosisPointers = new[] { 1 } },
                new { code = "87880", units = 1, diagnosisPointers = new[] { 1 } },
            },
            reason = "strep pharyngitis confirmed by the rapid test",
        });
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var replacement = await corrected.ReadAsAsync<ClaimDetails>();
        replacement.Status.Should().Be(ClaimStatus.Ready);
        replacement.FrequencyCode.Should().Be("7");

        var (second, file) = await BatchAsync(payerId);
        file.Should().Contain($"CLM*{number}*115***11:B:7*").And.Contain($"REF*F8*ICN-{payerId}~").And.Contain("HI*ABK:J020~");
        (await _billing.PostAsJsonAsync($"/api/billing/batches/{second.BatchId}/acknowledgement", new { })).EnsureSuccessStatusCode();
        await PostRemittanceAsync(PayerRemittance.Write("Acme Health", "PAY-" + payerId, PaidOn.AddDays(14),
            new RemitClaim(number, "1", 115m, 90m, 25m, "ICN2-" + payerId, [new RemitAdjustment("PR", "3", 25m)], [])));
        var paid = await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Paid);
        paid.History.Select(h => h.Status).Should().ContainInOrder(
            ClaimStatus.Ready, ClaimStatus.Submitted, ClaimStatus.Accepted, ClaimStatus.Denied, ClaimStatus.Draft,
            ClaimStatus.Ready, ClaimStatus.Submitted, ClaimStatus.Accepted, ClaimStatus.Paid);
    }

    [Fact]
    public async Task Batch_ClaimRejectedByTheClearinghouse_GoesToTheWorkQueueAndIsResentAsAnOriginal()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New();
        var claimId = (await ClaimOfCoveredVisitAsync(payerId, visit, ClaimStatus.Ready)).ClaimId;
        var (batch, _) = await BatchAsync(payerId);

        var acknowledged = await _billing.PostAsJsonAsync($"/api/billing/batches/{batch.BatchId}/acknowledgement",
            new { rejected = new[] { new { claimId, reason = "A7:164 entity's contract/member number invalid" } } });
        acknowledged.StatusCode.Should().Be(HttpStatusCode.OK, await acknowledged.Content.ReadAsStringAsync());
        (await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Rejected)).WorkQueue.Should().Be("rejected");
        (await _billing.PostAsJsonAsync($"/api/billing/batches/{batch.BatchId}/acknowledgement", new { }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a batch is acknowledged once");

        await RegisterCoverageAsync(visit.PatientId, payerId);
        var rescrubbed = await _billing.PostAsync($"/api/billing/claims/{claimId}/scrub", null);
        rescrubbed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rescrubbed.ReadAsAsync<ClaimDetails>()).Status.Should().Be(ClaimStatus.Ready);
        var (_, file) = await BatchAsync(payerId);
        file.Should().Contain("*11:B:1*", "never adjudicated, so it goes again as an original");
    }

    [Fact]
    public async Task Eligibility_CoverageEndedBeforeTheVisit_FlaggedToTheFrontDeskNoCopayAndTheClaimBlocked()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New();
        var selfPay = VisitFacts.New();
        await RegisterCoverageAsync(visit.PatientId, payerId, from: "2024-01-01", to: "2025-02-28");
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(selfPay.Booked);

        var from = Uri.EscapeDataString(VisitFacts.StartsAt.AddDays(-1).ToString("O"));
        var to = Uri.EscapeDataString(VisitFacts.StartsAt.AddDays(1).ToString("O"));
        var alerts = await _desk.GetAsync($"/api/billing/patients/eligibility-alerts?from={from}&to={to}").ReadAsAsync<List<EligibilityAlert>>();
        alerts.Single(a => a.VisitId == visit.VisitId).Reason.Should().Be("coverage ended 2025-02-28");
        alerts.Single(a => a.VisitId == selfPay.VisitId).Reason.Should().Contain("self-pay");

        await factory.DeliverAsync(CheckIn(visit));
        var refused = await _desk.PostAsJsonAsync($"/api/billing/patients/{visit.PatientId}/visits/{visit.VisitId}/copay/payments", new { amount = 25m, method = "cash" });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await factory.DeliverAsync(visit.Completed);
        await factory.DeliverAsync(visit.CheckedOut);
        var claim = await WaitForClaimStatusAsync(visit.VisitId, ClaimStatus.Draft);
        claim.Edits.Select(e => e.Code).Should().Contain("coverage-inactive");
    }

    [Fact]
    public async Task Copay_RefundedInPart_ReceiptShowsTheRefundAndTooLargeARefundIsRefusedNamingAmount()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New();
        await RegisterCoverageAsync(visit.PatientId, payerId);
        await factory.DeliverAsync(visit.Booked);
        await factory.DeliverAsync(CheckIn(visit));
        var payments = $"/api/billing/patients/{visit.PatientId}/visits/{visit.VisitId}/copay/payments";
        var paid = await _desk.PostAsJsonAsync(payments, new { amount = 25m, method = "cash" }).ReadAsAsync<CopayReceipt>();
        var paymentId = paid.PaymentId;

        var refunded = await _desk.PostAsJsonAsync($"{payments}/{paymentId}/refunds", new { amount = 10m, reason = "overcharged at the desk" });
        refunded.StatusCode.Should().Be(HttpStatusCode.OK, await refunded.Content.ReadAsStringAsync());
        (await refunded.ReadAsAsync<CopayReceipt>()).Refunded.Should().Be(10m);
        var tooMuch = await _desk.PostAsJsonAsync($"{payments}/{paymentId}/refunds", new { amount = 20m, reason = "again" });
        tooMuch.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(tooMuch)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("amount");
        var card = await _desk.PostAsJsonAsync(payments, new { amount = 5m, method = "card", cardReference = "4111 1111 1111 1111" });
        card.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a card number is never stored");

        var copay = await _desk.GetAsync($"/api/billing/patients/{visit.PatientId}/visits/{visit.VisitId}/copay").ReadAsAsync<VisitCopay>();
        copay.Paid.Should().Be(15m);
        copay.StillDue.Should().Be(10m);
    }

    [Fact]
    public async Task Recode_TwoClerksAtOnce_OneWinsTheOtherGets409()
    {
        var payerId = NewPayer();
        var visit = VisitFacts.New();
        var claimId = (await ClaimOfCoveredVisitAsync(payerId, visit, ClaimStatus.Draft, visit.Completed with { Diagnoses = ["BAD"] })).ClaimId;
        object Coding(string diagnosis) => new
        {
            diagnoses = new[] { diagnosis },
            lines = new object[] { new { code = "99213", units = 1, diagnosisPointers = new[] { 1 } } },
            reason = "recoded",
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            factory.CreateClient(Roles.Billing).PutAsJsonAsync($"/api/billing/claims/{claimId}/coding", Coding(i % 2 == 0 ? "J02.9" : "J02.0"))));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().BeGreaterThanOrEqualTo(1);
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        var claim = await _billing.GetAsync($"/api/billing/claims/{claimId}").ReadAsAsync<ClaimDetails>();
        var recodes = claim.History.Count(h => h.What == "recoded");
        recodes.Should().Be(answers.Count(a => a.StatusCode == HttpStatusCode.OK), "every 200 is exactly one commit; a 409 left nothing");
    }
}
