using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace PatientFlow.EndToEnd.Tests;

public sealed class VisitFromBookingToClaimTests(PlatformFixture platform, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task DriveVisit_FromBookingToClaimThroughGateway_ClaimAndTimelineComplete()
    {
        var frontDesk = await platform.ClientForAsync("front-desk");
        var clinician = await platform.ClientForAsync("clinician");
        var lab = await platform.ClientForAsync("lab");
        var billing = await platform.ClientForAsync("billing");
        var ops = await platform.ClientForAsync("ops");

        var patient = await frontDesk.PostJsonAsync("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16],
            firstName = "Ada",
            lastName = "Example",
            dateOfBirth = "1980-04-12",
            sex = "female",
        }, HttpStatusCode.Created);
        var provider = await frontDesk.PostJsonAsync("/api/scheduling/providers",
            new { name = "Dr. Grey", specialty = "family-medicine", clinic = "north" }, HttpStatusCode.Created);
        var providerId = provider.Str("providerId");
        var slots = await frontDesk.PostJsonAsync($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), durationMinutes = 20, count = 2 }, HttpStatusCode.Created);
        var slotId = slots.GetProperty("slots")[0].Str("slotId");

        var clock = Stopwatch.StartNew();
        var appointment = await frontDesk.PostJsonAsync("/api/scheduling/appointments",
            new { patientId = patient.Str("patientId"), providerId, slotId, visitType = "follow-up" }, HttpStatusCode.Created);
        var visitId = appointment.Str("appointmentId");

        // The same slot cannot be booked twice.
        await frontDesk.PostJsonAsync("/api/scheduling/appointments",
            new { patientId = patient.Str("patientId"), providerId, slotId, visitType = "follow-up" }, HttpStatusCode.Conflict);

        await frontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", new { }, HttpStatusCode.OK);

        // Intake opens the encounter when it learns of the arrival.
        await clinician.EventuallyAsync($"/api/intake/encounters/{visitId}", _ => true);
        await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/rooming", new { room = "EXAM-3" }, HttpStatusCode.OK);
        await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/vitals", new { heartRate = 500 }, HttpStatusCode.UnprocessableEntity);
        await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/vitals",
            new { systolicBp = 128, diastolicBp = 82, heartRate = 76, temperature = 37.1, spo2 = 98, height = 170, weight = 72 }, HttpStatusCode.OK);

        await lab.EventuallyAsync("/api/lab/catalog", _ => true);
        var order = await clinician.EventuallyAsyncPost("/api/lab/orders", new { visitId, testCode = "2345-7" });
        await lab.PostJsonAsync($"/api/lab/orders/{order.Str("orderId")}/result", new { value = "105", unit = "mg/dL" }, HttpStatusCode.OK);

        await clinician.PostJsonAsync($"/api/intake/encounters/{visitId}/completion", new
        {
            diagnoses = new[] { "E11.9", "I10" },
            procedures = new[] { new { code = "99213", units = 1 } },
        }, HttpStatusCode.OK);

        // In-house results are in before the patient leaves; billing has seen the lab charge.
        await billing.EventuallyAsync($"/api/billing/visits/{visitId}/charges",
            charges => charges.GetProperty("charges").EnumerateArray().Any(c => c.Str("code") == "82947"));
        var checkOutAt = clock.Elapsed;
        await frontDesk.PostJsonAsync($"/api/scheduling/appointments/{visitId}/check-out", new { }, HttpStatusCode.OK);

        var claim = await billing.EventuallyAsync($"/api/billing/visits/{visitId}/claim", _ => true);
        var bookingToClaim = clock.Elapsed;
        Figures.Report(output, "platform cold start to all healthy", $"{platform.StartDuration.TotalSeconds:0.0} s");
        Figures.Report(output, "visit booking to claim visible (scripted, no think time)", $"{bookingToClaim.TotalMilliseconds:0} ms");
        Figures.Report(output, "check-out to claim visible", $"{(bookingToClaim - checkOutAt).TotalMilliseconds:0} ms");

        claim.Str("visitId").Should().Be(visitId);
        claim.Str("patientId").Should().Be(patient.Str("patientId"));
        claim.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()).Should().Equal("E11.9", "I10");
        var lines = claim.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.Str("code")).Should().BeEquivalentTo(["99213", "82947"]);
        lines.Should().OnlyContain(l => l.GetProperty("diagnosisPointers").GetArrayLength() > 0);
        claim.GetProperty("totalCharge").GetDecimal().Should().Be(lines.Sum(l => l.GetProperty("amount").GetDecimal()));

        var timeline = await ops.EventuallyAsync($"/api/tracking/visits/{visitId}/timeline",
            t => t.Str("currentStage") == "claim-created");
        var stages = timeline.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("stage").ValueKind == JsonValueKind.String)
            .Select(s => s.Str("stage"))
            .ToList();
        stages.Should().ContainInOrder("booked", "arrived", "roomed", "intake-done", "provider-done", "checked-out", "claim-created");

        var board = await ops.GetJsonAsync("/api/tracking/board");
        board.GetProperty("columns").EnumerateArray()
            .Single(c => c.Str("stage") == "claim-created")
            .GetProperty("visits").EnumerateArray()
            .Should().Contain(v => v.Str("visitId") == visitId);
    }

    [Fact]
    public async Task CallApi_WithoutTokenOrWithWrongRole_GatewayAnswers401And403()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };
        (await anonymous.GetAsync("/api/billing/claims/" + Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var frontDesk = await platform.ClientForAsync("front-desk");
        (await frontDesk.GetAsync("/api/billing/claims/" + Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
