using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using PatientFlow.Testing;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>
/// A visit's claim from eligibility to payment, every step through the gateway with the platform's real processes: the
/// front desk registers coverage and collects the copay, intake completes the encounter, billing batches the claim into
/// an 837P, records the clearinghouse's acknowledgement and posts the payer's 835. Each test bills its own payer.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClaimToPaymentTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Visit_CoveredPatient_ClaimGoesFromEligibilityToPaidThroughTheGateway()
    {
        var staff = await Staff.SignInAsync(platform);
        var payerId = NewPayer();
        var clock = Stopwatch.StartNew();
        var visit = await DriveVisitAsync(staff, payerId, collectCopay: true);

        var claim = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "ready");
        var readyAt = clock.Elapsed;
        claim.Lines[0].Modifiers![0].Should().Be("25");
        var (batchId, file) = await BatchAsync(staff, payerId);
        file.Should().Contain($"CLM*{claim.ClaimNumber}*").And.Contain("SV1*HC:99213:25*");
        await staff.Billing.PostJsonAsync($"/api/billing/batches/{batchId}/acknowledgement", new { }, HttpStatusCode.OK);

        await PostRemittanceAsync(staff, PayerRemittance.Write("Acme Health", "EFT-" + payerId, Today(), new RemitClaim(
            claim.ClaimNumber, "1", 90m, 55m, 25m, "ICN-" + payerId, [],
            [new RemitService("99213:25", 90m, 55m, new RemitAdjustment("CO", "45", 10m), new RemitAdjustment("PR", "3", 25m))])));
        var paid = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "paid");
        paid.Adjudication!.Paid.Should().Be(55m);

        var balance = await staff.FrontDesk.GetJsonAsync<PatientBalance>($"/api/billing/patients/{visit.PatientId}/balance");
        balance.Balance.Should().Be(0m, "the patient's 25 was collected at check-in");
        Figures.Report(output, "covered visit, booking to claim ready (scrubbed, no blocking edit)", $"{readyAt.TotalMilliseconds:0} ms");
        Figures.Report(output, "covered visit, booking to claim paid (batch, acknowledgement, 835 posted)", $"{clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Visit_NoCoverageOnFile_ClaimBlockedByTheScrubberUntilCoverageIsRegisteredThenPaid()
    {
        var staff = await Staff.SignInAsync(platform);
        var payerId = NewPayer();
        // Before the patient leaves, the front desk sees the visit flagged: no coverage on file.
        var visit = await DriveVisitAsync(staff, payerId: null, collectCopay: false, beforeCheckOut: async (visitId, _) =>
            await staff.FrontDesk.EventuallyAsync<IReadOnlyList<EligibilityAlert>>("/api/billing/patients/eligibility-alerts",
                alerts => alerts.Any(a => a.VisitId == visitId && a.Reason.Contains("self-pay"))));
        var blocked = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "draft");
        var claimId = blocked.ClaimId;
        var queue = await staff.Billing.GetJsonAsync<IReadOnlyList<ClaimSummary>>("/api/billing/claims/work-queue?queue=scrubber");
        queue.Single(c => c.ClaimId == claimId).Reasons[0].Should().StartWith("coverage-inactive");
        (await staff.Billing.PostAsJsonAsync("/api/billing/batches", new { payerId })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        // The patient brings the card: coverage goes on file, the claim is scrubbed again and passes.
        await RegisterCoverageAsync(staff.FrontDesk, visit.PatientId, payerId);
        (await staff.Billing.PostJsonAsync<Claim>($"/api/billing/claims/{claimId}/scrub", new { }, HttpStatusCode.OK)).Status.Should().Be("ready");
        var (batchId, file) = await BatchAsync(staff, payerId);
        file.Should().Contain("NM1*IL*1*EXAMPLE*ADA****MI*");
        await staff.Billing.PostJsonAsync($"/api/billing/batches/{batchId}/acknowledgement", new { }, HttpStatusCode.OK);
        await PostRemittanceAsync(staff, PayerRemittance.Write("Acme Health", "EFT-" + payerId, Today(),
            new RemitClaim(blocked.ClaimNumber, "1", 90m, 60m, 30m, "ICN-" + payerId, [new RemitAdjustment("PR", "3", 30m)], [])));
        await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "paid");
        (await staff.FrontDesk.GetJsonAsync<PatientBalance>($"/api/billing/patients/{visit.PatientId}/balance")).Balance
            .Should().Be(30m, "nothing was collected at the desk, so the payer's patient share is owed");
    }

    [Fact]
    public async Task Visit_ClaimDenied_CorrectedAsAReplacementAndPaid()
    {
        var staff = await Staff.SignInAsync(platform);
        var payerId = NewPayer();
        var visit = await DriveVisitAsync(staff, payerId, collectCopay: false);
        var claim = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "ready");
        var number = claim.ClaimNumber;
        var (first, _) = await BatchAsync(staff, payerId);
        await staff.Billing.PostJsonAsync($"/api/billing/batches/{first}/acknowledgement", new { }, HttpStatusCode.OK);
        await PostRemittanceAsync(staff, PayerRemittance.Write("Acme Health", "DEN-" + payerId, Today(),
            new RemitClaim(number, "4", 90m, 0m, 0m, "ICN-" + payerId, [new RemitAdjustment("CO", "11", 90m)], [])));
        var denied = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "denied");

        await staff.Billing.PostJsonAsync($"/api/billing/claims/{denied.ClaimId}/correction", new
        {
            diagnoses = new[] { "E11.65" },
            lines = new[] { new { code = "99213", units = 1, modifiers = new[] { "25" }, diagnosisPointers = new[] { 1 } } },
            reason = "hyperglycaemia documented in the note",
        }, HttpStatusCode.OK);
        var (second, file) = await BatchAsync(staff, payerId);
        file.Should().Contain($"CLM*{number}*90***11:B:7*").And.Contain($"REF*F8*ICN-{payerId}~").And.Contain("HI*ABK:E1165~");
        await staff.Billing.PostJsonAsync($"/api/billing/batches/{second}/acknowledgement", new { }, HttpStatusCode.OK);
        await PostRemittanceAsync(staff, PayerRemittance.Write("Acme Health", "PAY-" + payerId, Today(),
            new RemitClaim(number, "1", 90m, 65m, 25m, "ICN2-" + payerId, [new RemitAdjustment("PR", "3", 25m)], [])));
        var paid = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visit.VisitId}/claim", c => c.Status == "paid");
        paid.FrequencyCode.Should().Be("7");
    }

    private static string NewPayer() => "E2E" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task RegisterCoverageAsync(HttpClient desk, string patientId, string payerId) =>
        await desk.PutJsonAsync($"/api/billing/patients/{patientId}/coverages/primary", new
        {
            payerId, payerName = "Acme Health", plan = "Gold PPO", memberId = "W" + Random.Shared.Next(10_000_000, 99_999_999), relationship = "self",
            subscriberLastName = "Example", subscriberFirstName = "Ada", subscriberDateOfBirth = "1980-04-12", subscriberGender = "F",
            addressLine1 = "12 Elm St", city = "Springfield", state = "IL", postalCode = "62704", effectiveFrom = "2025-01-01",
            copayByVisitType = new Dictionary<string, decimal> { ["follow-up"] = 25m }, defaultCopay = 30m, deductible = 1500m,
        });

    private static async Task<(string BatchId, string File)> BatchAsync(Staff staff, string payerId)
    {
        var batch = await staff.Billing.PostJsonAsync<BatchSummary>("/api/billing/batches", new { payerId }, HttpStatusCode.Created);
        var response = await staff.Billing.GetAsync($"/api/billing/batches/{batch.BatchId}/837");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/edi-x12");
        return (batch.BatchId, await response.Content.ReadAsStringAsync());
    }

    private static async Task PostRemittanceAsync(Staff staff, string remittance)
    {
        var posted = await staff.Billing.PostAsync("/api/billing/remittances", new StringContent(remittance, Encoding.ASCII, "application/edi-x12"));
        var text = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.Should().Be(HttpStatusCode.Created, text);
        (await posted.ReadAsAsync<RemittanceDetails>()).Unposted.Should().BeEmpty(text);
    }

    /// <summary>
    /// Books, checks in, runs the encounter (99213 with modifier 25 for type 2 diabetes) and checks out, through the gateway.
    /// With <paramref name="payerId"/> the patient's coverage is registered before booking.
    /// </summary>
    private static async Task<(string VisitId, string PatientId)> DriveVisitAsync(
        Staff staff, string? payerId, bool collectCopay, Func<string, string, Task>? beforeCheckOut = null)
    {
        await FrontDeskSetup.EnsureClinicAsync(staff.Ops, "north");
        var patient = await staff.FrontDesk.PostJsonAsync<PatientDetails>("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName = $"Example-{Guid.NewGuid():N}"[..16], dateOfBirth = "1980-04-12", sex = "female", clinic = "north",
        }, HttpStatusCode.Created);
        var patientId = patient.PatientId;
        if (payerId is not null)
        {
            await RegisterCoverageAsync(staff.FrontDesk, patientId, payerId);
        }

        var provider = await staff.FrontDesk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers",
            new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" }, HttpStatusCode.Created);
        var providerId = provider.ProviderId;
        var slots = await staff.FrontDesk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), durationMinutes = 20, count = 1 }, HttpStatusCode.Created);
        var appointment = await staff.FrontDesk.PostJsonAsync<AppointmentDetails>("/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots.Slots[0].SlotId, visitType = "follow-up" }, HttpStatusCode.Created);
        var visitId = appointment.AppointmentId;
        await staff.FrontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn(), HttpStatusCode.OK);

        if (collectCopay)
        {
            var copayPath = $"/api/billing/patients/{patientId}/visits/{visitId}/copay";
            var copay = await staff.FrontDesk.EventuallyAsync<VisitCopay>(copayPath, c => c.CopayDue > 0);
            copay.CopayDue.Should().Be(25m, "the plan's follow-up copay, as the payer answered at check-in");
            var receipt = await staff.FrontDesk.PostJsonAsync<CopayReceipt>($"{copayPath}/payments", new { amount = 25m, method = "card", cardReference = "AUTH 448812" }, HttpStatusCode.Created);
            receipt.ReceiptNumber.Should().MatchRegex("^R[0-9]{10}$");
        }

        await staff.Clinician.EventuallyAsync($"/api/intake/encounters/{visitId}", _ => true);
        var room = "BILL-" + Guid.NewGuid().ToString("N")[..6].ToUpper(CultureInfo.InvariantCulture);
        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room }, HttpStatusCode.OK);
        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/provider/start", new { }, HttpStatusCode.OK);
        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/completion", new
        {
            diagnoses = new[] { new { code = "E11.9", primary = true } },
            procedures = new[] { new { code = "99213", units = 1, modifiers = new[] { "25" } } },
        }, HttpStatusCode.OK);
        if (beforeCheckOut is not null)
        {
            await beforeCheckOut(visitId, patientId);
        }

        await staff.FrontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-out", new { }, HttpStatusCode.OK);
        return (visitId, patientId);
    }

    private sealed record Staff(HttpClient FrontDesk, HttpClient Clinician, HttpClient Billing, HttpClient Ops)
    {
        public static async Task<Staff> SignInAsync(PlatformFixture platform) => new(
            await platform.ClientForAsync("front-desk"),
            await platform.ClientForAsync("clinician"),
            await platform.ClientForAsync("billing"),
            await platform.ClientForAsync("ops"));
    }

    // Billing's answers read only here (the claim, which other tests read too, is in Api.cs).

    private sealed record PatientBalance(decimal Balance);

    private sealed record EligibilityAlert(string VisitId, string Reason);

    /// <summary>A claim in a work queue, with why a person must act.</summary>
    private sealed record ClaimSummary(string ClaimId, IReadOnlyList<string> Reasons);

    private sealed record BatchSummary(string BatchId);

    private sealed record RemittanceDetails(IReadOnlyList<UnpostedClaim> Unposted);

    private sealed record UnpostedClaim(string PatientControlNumber, string Reason);

    private sealed record VisitCopay(decimal CopayDue);

    private sealed record CopayReceipt(string ReceiptNumber);
}
