using System.Diagnostics;
using PatientFlow.Testing;

namespace PatientFlow.EndToEnd.Tests;

/// <summary>
/// What the gRPC hop costs: a referral booking (gateway → referral → scheduling over gRPC → the same booking
/// transaction) against a front-desk booking (gateway → scheduling), both measured here, in the same run.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReferralBookingFigures(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Rounds = 20;

    [Fact]
    public async Task ReferralBookingOverGrpc_ComparedWithFrontDeskBookings_EveryBookingLandsAndTheRatioIsReported()
    {
        var desk = await platform.ClientForAsync("front-desk");
        var clinician = await platform.ClientForAsync("clinician");
        await FrontDeskSetup.EnsureClinicAsync(await platform.ClientForAsync("ops"), "north");
        var patient = await desk.PostJsonAsync<PatientDetails>("/api/scheduling/patients", new
        {
            mrn = $"MRN-{Guid.NewGuid():N}"[..16], firstName = "Ada", lastName = $"Figures-{Guid.NewGuid():N}"[..16], dateOfBirth = "1975-06-01", sex = "male", clinic = "north",
        }, HttpStatusCode.Created);
        var patientId = patient.PatientId;
        var familyDoctor = await SlotsAsync(desk, "family-medicine", DateTimeOffset.UtcNow.AddDays(3));
        var endocrinologist = await SlotsAsync(desk, "endocrinology-figures", DateTimeOffset.UtcNow.AddDays(4));

        var deskTimes = new List<double>();
        var visits = new List<string>();
        foreach (var slotId in familyDoctor.SlotIds)
        {
            var clock = Stopwatch.StartNew();
            var booked = await desk.PostJsonAsync<AppointmentDetails>("/api/scheduling/appointments",
                new { patientId, providerId = familyDoctor.ProviderId, slotId, visitType = "follow-up" }, HttpStatusCode.Created);
            deskTimes.Add(clock.Elapsed.TotalMilliseconds);
            visits.Add(booked.AppointmentId);
        }

        var referrals = new List<string>();
        foreach (var visitId in visits)
        {
            // Referral hears of each visit from scheduling's event; until then it answers 404.
            var created = await clinician.EventuallyAsyncPost<ReferralDetails>("/api/referral/referrals",
                new { visitId, kind = "specialist", specialty = "endocrinology-figures", urgency = "routine", reason = "review" },
                success: HttpStatusCode.Created, retryOn: HttpStatusCode.NotFound);
            referrals.Add(created.ReferralId);
        }

        var referralTimes = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var booked = await desk.PostJsonAsync<ReferralDetails>($"/api/referral/referrals/{referrals[i]}/booking",
                new { providerId = endocrinologist.ProviderId, slotId = endocrinologist.SlotIds[i] }, HttpStatusCode.OK);
            referralTimes.Add(clock.Elapsed.TotalMilliseconds);
            booked.Status.Should().Be("scheduled");
        }

        var deskMedian = Median(deskTimes);
        var referralMedian = Median(referralTimes);
        Figures.Report(output, $"front-desk booking through the gateway, median of {Rounds}", $"{deskMedian:0.0} ms");
        Figures.Report(output, $"referral booking over gRPC through the gateway, median of {Rounds}", $"{referralMedian:0.0} ms");
        Figures.Report(output, "referral booking / front-desk booking", $"{referralMedian / deskMedian:0.00}x");
    }

    private static async Task<(string ProviderId, string[] SlotIds)> SlotsAsync(HttpClient desk, string specialty, DateTimeOffset from)
    {
        var provider = await desk.PostJsonAsync<ProviderDetails>("/api/scheduling/providers", new { name = "Dr. Figures", specialty, clinic = "north" }, HttpStatusCode.Created);
        var slots = await desk.PostJsonAsync<SlotsResponse>($"/api/scheduling/providers/{provider.ProviderId}/slots",
            new { startsAt = from.ToString("O"), durationMinutes = 20, count = Rounds }, HttpStatusCode.Created);
        return (provider.ProviderId, [.. slots.Slots.Select(s => s.SlotId)]);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
