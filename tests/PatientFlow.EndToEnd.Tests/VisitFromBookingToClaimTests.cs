using System.Diagnostics;
using PatientFlow.Testing;

namespace PatientFlow.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class VisitFromBookingToClaimTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task DriveVisit_FromBookingToClaimThroughGateway_ClaimAndTimelineComplete()
    {
        var staff = await Staff.SignInAsync(platform);

        // The first visit after a cold start also pays for warm-up (JIT, connection pools,
        // Marten's generated code); the second shows the steady state. Both must end in a claim.
        var first = await DriveVisitAsync(staff);
        var second = await DriveVisitAsync(staff);

        Figures.Report(output, "platform cold start to all healthy", $"{platform.StartDuration.TotalSeconds:0.0} s");
        Figures.Report(output, "first visit after cold start, booking to claim visible", $"{first.BookingToClaim.TotalMilliseconds:0} ms");
        Figures.Report(output, "second visit, booking to claim visible", $"{second.BookingToClaim.TotalMilliseconds:0} ms");
        Figures.Report(output, "second visit, check-out to claim visible", $"{second.CheckOutToClaim.TotalMilliseconds:0} ms");

        foreach (var visit in new[] { first, second })
        {
            AssertClaim(visit);
            await AssertJourneyAsync(staff, visit);
        }

        // What the audit trail holds about the second visit's patient: every request that read or changed their data
        // (the walk-through's polls included), each naming them, on an intact chain.
        var records = await AuditRecordsOfAsync(Guid.Parse(second.PatientId));
        Figures.Report(output, "audit records naming the second visit's patient (this walk-through, polls included)",
            $"{records.Count}: {string.Join(", ", records.GroupBy(r => r.Service).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"{string.Join(", ", records.GroupBy(r => r.Action).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
        records.Should().Contain(r => r.Service == "scheduling" && r.Action == "create", "the registration")
            .And.Contain(r => r.Service == "intake" && r.Action == "update", "the vitals")
            .And.Contain(r => r.Service == "billing" && r.Action == "read", "the claim");
    }

    private async Task<IReadOnlyList<(string Service, string Action)>> AuditRecordsOfAsync(Guid patientId)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create((await platform.Platform.ConnectionStringAsync("audit-db"))!);
        await using var command = dataSource.CreateCommand("SELECT service, action FROM audit_records WHERE patient_ids @> ARRAY[$1]::uuid[]");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = patientId });
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetString(0), reader.GetString(1)));
        }

        return records;
    }

    [Fact]
    public async Task CallApi_WithoutTokenOrWithWrongRole_GatewayAnswers401And403()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };
        (await anonymous.GetAsync("/api/billing/claims/" + Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var frontDesk = await platform.ClientForAsync("front-desk");
        (await frontDesk.GetAsync("/api/billing/claims/" + Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("scheduling", "/api/scheduling/appointments/walk-ins")]
    [InlineData("intake", "/api/intake/encounters/{visitId}/immunizations")]
    [InlineData("lab", "/api/lab/orders")]
    [InlineData("referral", "/api/referral/referrals")]
    [InlineData("billing", "/api/billing/visits/{visitId}/claim")]
    [InlineData("tracking", "/api/tracking/board")]
    public async Task GetOpenApi_ThroughTheGatewayWithoutToken_EachServiceDocumentsItsApi(string service, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };

        var document = await anonymous.GetJsonAsync($"/api/{service}/openapi/v1.json");

        document.GetProperty("info").Str("title").Should().Be($"PatientFlow {service} API");
        document.GetProperty("paths").TryGetProperty(path, out _).Should().BeTrue($"{service} documents {path}");
        (await anonymous.PostAsync($"/api/{service}/openapi/v1.json", null)).StatusCode.Should().NotBe(HttpStatusCode.OK, "only reading the document is open");
    }

    private static async Task<Visit> DriveVisitAsync(Staff staff)
    {
        await FrontDeskSetup.EnsureClinicAsync(staff.Ops, "north");
        var patient = await staff.FrontDesk.PostJsonAsync<PatientDetails>("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16],
            firstName = "Ada",
            lastName = $"Example-{Guid.NewGuid():N}"[..16],
            dateOfBirth = "1980-04-12",
            sex = "female",
            clinic = "north",
        }, HttpStatusCode.Created);
        var patientId = patient.PatientId;
        var provider = await staff.FrontDesk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers",
            new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" }, HttpStatusCode.Created);
        var providerId = provider.ProviderId;
        var slots = await staff.FrontDesk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), durationMinutes = 20, count = 2 }, HttpStatusCode.Created);
        var slotId = slots.Slots[0].SlotId;

        var clock = Stopwatch.StartNew();
        var appointment = await staff.FrontDesk.PostJsonAsync<AppointmentDetails>("/api/scheduling/appointments",
            new { patientId, providerId, slotId, visitType = "follow-up" }, HttpStatusCode.Created);
        var visitId = appointment.AppointmentId;

        // The same slot cannot be booked twice.
        await staff.FrontDesk.PostJsonAsync("/api/scheduling/appointments",
            new { patientId, providerId, slotId, visitType = "follow-up" }, HttpStatusCode.Conflict);

        await staff.FrontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn(), HttpStatusCode.OK);

        // Intake opens the encounter when it hears of the arrival.
        await staff.Clinician.EventuallyAsync($"/api/intake/encounters/{visitId}", _ => true);
        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room = "EXAM-3" }, HttpStatusCode.OK);
        var rejected = await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/vitals", new { heartRate = 500 }, HttpStatusCode.UnprocessableEntity);
        rejected.GetProperty("errors").TryGetProperty("heartRate", out _).Should().BeTrue();
        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/vitals",
            new { systolicBp = 128, diastolicBp = 82, heartRate = 76, temperature = 37.1, spo2 = 98, height = 170, weight = 72 }, HttpStatusCode.OK);

        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/chief-complaint", new { text = "follow-up of blood sugar" }, HttpStatusCode.OK);
        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/provider/start", new { }, HttpStatusCode.OK);

        // Orders go from the encounter to the lab and referral services' APIs, which answer 409 until they have heard of the visit.
        // Haemoglobin's range depends on sex and age: lab asks scheduling for them over gRPC.
        var ordered = await staff.Clinician.EventuallyAsyncPost<EncounterDetails>($"/api/intake/encounters/{visitId}/orders/lab",
            new { testCodes = new[] { "2345-7", "718-7" }, priority = "routine" }, success: HttpStatusCode.OK, retryOn: HttpStatusCode.Conflict);
        var orderId = ordered.LabOrders![0].Value.LabOrderIds[0];
        var order = await staff.Lab.GetJsonAsync<LabOrderDetails>($"/api/lab/orders/{orderId}");
        order.VisitId.Should().Be(visitId);
        order.Tests[1].ReferenceRange.Should().Be("12.0-15.5", "a woman in her forties");
        var collected = await staff.Lab.PostJsonAsync<LabOrderDetails>($"/api/lab/orders/{orderId}/specimens", new { specimenType = "blood" }, HttpStatusCode.Created);
        var specimen = collected.Specimens[0];
        (await staff.Lab.GetJsonAsync<LabOrderDetails>($"/api/lab/specimens/{specimen.AccessionId}")).OrderId.Should().Be(orderId);
        await staff.Lab.PostJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = "105", unit = "mg/dL" }, HttpStatusCode.OK);
        await staff.Lab.PostJsonAsync($"/api/lab/orders/{orderId}/specimens/{specimen.SpecimenId}/send-out", new { externalLab = "Quest Diagnostics" }, HttpStatusCode.OK);
        await staff.Clinician.PostJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/acknowledgement", new { }, HttpStatusCode.OK);
        var referred = await staff.Clinician.EventuallyAsyncPost<EncounterDetails>($"/api/intake/encounters/{visitId}/orders/referral",
            new { kind = "specialist", specialty = "endocrinology", urgency = "routine", reason = "diabetes review" }, success: HttpStatusCode.OK, retryOn: HttpStatusCode.Conflict);
        var referralId = referred.Referrals![0].Value.ReferralId;
        (await staff.Clinician.GetJsonAsync<ReferralDetails>($"/api/referral/referrals/{referralId}")).VisitId.Should().Be(visitId);
        await CloseReferralLoopsAsync(staff, visitId, patientId, referralId);

        await staff.Clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/completion", new
        {
            diagnoses = new[] { new { code = "E11.9", primary = true }, new { code = "I10", primary = false } },
            procedures = new[] { new { code = "99213", units = 1 } },
        }, HttpStatusCode.OK);

        // The patient left the exam room: it needs cleaning before the next patient is roomed there.
        (await staff.Clinician.GetJsonAsync<IReadOnlyList<RoomDetails>>("/api/intake/rooms?clinic=north"))
            .Single(r => r.Room == "EXAM-3").Status.Should().Be("needs-cleaning");
        await staff.Clinician.PostJsonAsync("/api/intake/rooms/north/EXAM-3/cleaned", new { }, HttpStatusCode.OK);

        // In-house results are in before the patient leaves: billing has the lab charge.
        await staff.Billing.EventuallyAsync<VisitCharges>($"/api/billing/visits/{visitId}/charges",
            charges => charges.Charges.Any(c => c.Code == "82947"));
        var checkOutAt = clock.Elapsed;
        var checkedOut = await staff.FrontDesk.PostJsonAsync<AppointmentDetails>($"/api/scheduling/appointments/{visitId}/check-out",
            new { followUp = new { slotId = slots.Slots[1].SlotId, visitType = "follow-up" } }, HttpStatusCode.OK);
        (await staff.FrontDesk.GetJsonAsync<AppointmentDetails>($"/api/scheduling/appointments/{checkedOut.FollowUpAppointmentId}")).BookedVia.Should().Be("follow-up");

        var claim = await staff.Billing.EventuallyAsync<Claim>($"/api/billing/visits/{visitId}/claim", _ => true);
        return new Visit(visitId, patientId, claim, clock.Elapsed, clock.Elapsed - checkOutAt);
    }

    /// <summary>
    /// The endocrinology referral is booked in network (referral → scheduling over gRPC, a visit of its own through the
    /// referral channel); an MRI is booked at an outside imaging centre; both loops close with their reports.
    /// </summary>
    private static async Task CloseReferralLoopsAsync(Staff staff, string visitId, string patientId, string referralId)
    {
        var endocrinologist = await staff.FrontDesk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers",
            new { name = "Dr. Banting", specialty = "endocrinology", clinic = "north" }, HttpStatusCode.Created);
        var startsAt = DateTimeOffset.UtcNow.AddHours(3);
        var offered = await staff.FrontDesk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{endocrinologist.ProviderId}/slots",
            new { startsAt = startsAt.ToString("O"), durationMinutes = 20, count = 1 }, HttpStatusCode.Created);
        var slotId = offered.Slots[0].SlotId;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        var slots = await staff.FrontDesk.GetJsonAsync<IReadOnlyList<SlotOffer>>($"/api/referral/referrals/{referralId}/slots?date={day:yyyy-MM-dd}");
        slots.Select(s => s.SlotId).Should().Contain(slotId);
        var booked = await staff.FrontDesk.PostJsonAsync<ReferralDetails>($"/api/referral/referrals/{referralId}/booking",
            new { providerId = endocrinologist.ProviderId, slotId }, HttpStatusCode.OK);
        var appointmentId = booked.Appointment!.AppointmentId;
        var referredVisit = await staff.FrontDesk.GetJsonAsync<AppointmentDetails>($"/api/scheduling/appointments/{appointmentId}");
        referredVisit.BookedVia.Should().Be("referral");
        referredVisit.PatientId.Should().Be(patientId);
        (await staff.Clinician.PostJsonAsync<ReferralDetails>($"/api/referral/referrals/{referralId}/report",
            new { kind = "consult-report", summary = "Metformin continued; HbA1c in 3 months." }, HttpStatusCode.OK)).Status.Should().Be("completed");

        var imaging = await staff.Clinician.PostJsonAsync<ReferralDetails>("/api/referral/referrals",
            new { visitId, kind = "imaging", specialty = "mri", urgency = "urgent", reason = "neuropathy work-up" }, HttpStatusCode.Created);
        var imagingId = imaging.ReferralId;
        await staff.FrontDesk.PostJsonAsync($"/api/referral/referrals/{imagingId}/external-booking",
            new { facility = "Lakeside Imaging", appointmentAt = DateTimeOffset.UtcNow.AddDays(2) }, HttpStatusCode.OK);
        (await staff.Clinician.PostJsonAsync<ReferralDetails>($"/api/referral/referrals/{imagingId}/report",
            new { kind = "imaging-result", summary = "No structural lesion." }, HttpStatusCode.OK)).Status.Should().Be("completed");
        (await staff.FrontDesk.GetJsonAsync<IReadOnlyList<ReferralDetails>>($"/api/referral/patients/{patientId}/referrals"))
            .Select(r => r.Status).Should().Equal("completed", "completed");
    }

    private static void AssertClaim(Visit visit)
    {
        var claim = visit.Claim;
        claim.VisitId.Should().Be(visit.VisitId);
        claim.PatientId.Should().Be(visit.PatientId);
        claim.Diagnoses.Should().Equal("E11.9", "I10");
        claim.Lines.Select(l => (l.Code, l.Amount)).Should().BeEquivalentTo([("99213", 90.00m), ("82947", 15.00m)]);
        claim.Lines.Should().OnlyContain(l => l.DiagnosisPointers.Count > 0);
        claim.TotalCharge.Should().Be(105.00m);
    }

    private static readonly string[] VisitStages =
        ["booked", "arrived", "roomed", "intake-done", "with-provider", "provider-done", "checked-out", "claim-created"];

    private static async Task AssertJourneyAsync(Staff staff, Visit visit)
    {
        // Events from different services reach tracking in any order (and a lost write race is
        // retried), so the furthest stage can show before an earlier step lands: wait for all.
        var timeline = await staff.Ops.EventuallyAsync<VisitTimeline>($"/api/tracking/visits/{visit.VisitId}/timeline",
            t => VisitStages.All(stage => Stages(t).Contains(stage)));
        timeline.CurrentStage.Should().Be("claim-created");
        Stages(timeline).Should().ContainInOrder(VisitStages);

        var board = await staff.Ops.GetJsonAsync<StageSummary>("/api/tracking/board?clinic=north");
        board.Columns
            .Single(c => c.Stage == "claim-created")
            .Visits
            .Should().Contain(v => v.VisitId == visit.VisitId);
    }

    private static List<string> Stages(VisitTimeline timeline) => [.. timeline.Steps
        .Where(s => s.Stage is not null)
        .Select(s => s.Stage!)];

    private sealed record Visit(string VisitId, string PatientId, Claim Claim, TimeSpan BookingToClaim, TimeSpan CheckOutToClaim);

    private sealed record Staff(HttpClient FrontDesk, HttpClient Clinician, HttpClient Lab, HttpClient Billing, HttpClient Ops)
    {
        public static async Task<Staff> SignInAsync(PlatformFixture platform) => new(
            await platform.ClientForAsync("front-desk"),
            await platform.ClientForAsync("clinician"),
            await platform.ClientForAsync("lab"),
            await platform.ClientForAsync("billing"),
            await platform.ClientForAsync("ops"));
    }

    // Answers read only here (the ones several tests read are in Api.cs).

    /// <summary>Intake's EncounterDetails: the orders placed from the encounter, each with what the lab or referral service made of it.</summary>
    private sealed record EncounterDetails(IReadOnlyList<Entry<LabTestsOrdered>>? LabOrders, IReadOnlyList<Entry<ReferralRequested>>? Referrals);

    private sealed record Entry<T>(T Value);

    private sealed record LabTestsOrdered(IReadOnlyList<string> LabOrderIds);

    private sealed record ReferralRequested(string ReferralId);

    private sealed record LabOrderDetails(string OrderId, string VisitId, IReadOnlyList<LabTestDetails> Tests, IReadOnlyList<SpecimenDetails> Specimens);

    private sealed record LabTestDetails(string? ReferenceRange);

    private sealed record SpecimenDetails(string SpecimenId, string AccessionId);

    /// <summary>Intake's RoomDetails (GET /api/intake/rooms).</summary>
    private sealed record RoomDetails(string Room, string Status);

    /// <summary>Billing's VisitCharges.</summary>
    private sealed record VisitCharges(IReadOnlyList<Charge> Charges);

    private sealed record Charge(string Code);

    /// <summary>Referral's SlotOffer (GET /api/referral/referrals/{id}/slots).</summary>
    private sealed record SlotOffer(string SlotId);

    /// <summary>Tracking's StageSummary (GET /api/tracking/board).</summary>
    private sealed record StageSummary(IReadOnlyList<BoardColumn> Columns);

    private sealed record BoardColumn(string Stage, IReadOnlyList<BoardVisit> Visits);

    private sealed record BoardVisit(string VisitId);
}
