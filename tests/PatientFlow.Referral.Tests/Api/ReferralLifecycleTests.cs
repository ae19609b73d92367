using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Referral.Referrals.GettingDetails;
using static PatientFlow.Referral.Tests.Api.ReferralFactory;
using AuthorizationStatus = PatientFlow.Referral.Referrals.AuthorizationStatus;
using ReferralStatus = PatientFlow.Referral.Referrals.ReferralStatus;

namespace PatientFlow.Referral.Tests.Api;

/// <summary>Referral's own API: authorization, outside booking, the loop, overdue, queries; and booking when scheduling does not answer.</summary>
public class ReferralLifecycleTests(ReferralFactory factory) : IClassFixture<ReferralFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);
    private readonly HttpClient _desk = factory.CreateClient(Roles.FrontDesk);

    private async Task<(Guid ReferralId, Guid PatientId, DateTimeOffset ScheduleBy)> CreateAsync(string kind = "imaging", string specialty = "mri", string urgency = "urgent", string? admittingFacility = null)
    {
        var visit = await factory.BookVisitAsync();
        var created = await _clinician.PostAsJsonAsync("/api/referral/referrals",
            new { visitId = visit.VisitId, kind, specialty, urgency, reason = "Low back pain with red flags", admittingFacility });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var referral = await created.ReadAsAsync<ReferralDetails>();
        return (referral.ReferralId, visit.PatientId, referral.ScheduleBy);
    }

    [Fact]
    public async Task ImagingOutsideTheNetwork_AuthorizedBookedAndReported_TheLoopClosesAndEachStepIsPublished()
    {
        var approved = factory.Listen<AuthorizationApproved>();
        var scheduled = factory.Listen<ReferralScheduled>();
        var closed = factory.Listen<ReferralLoopClosed>();
        var (referralId, patientId, _) = await CreateAsync();

        (await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/authorization", new { payer = "Acme Health" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var early = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/external-booking", new { facility = "Lakeside Imaging", appointmentAt = DateTimeOffset.UtcNow.AddDays(2) });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Body(early)).GetProperty("conflict").GetString().Should().Be("authorization");
        // Deciding on an authorisation is the clinician's; the desk requested it and books once it is approved.
        (await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/authorization/denial", new { reason = "needs conservative therapy first" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/authorization/appeal", new { grounds = "progressive weakness documented" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var validTo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90));
        var approval = await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/authorization/approval",
            new { authorizationNumber = "PA-55012", validFrom = DateOnly.FromDateTime(DateTime.UtcNow), validTo, visitsAllowed = 1 });
        approval.StatusCode.Should().Be(HttpStatusCode.OK);
        var authorization = (await approval.ReadAsAsync<ReferralDetails>()).Authorization!;
        authorization.Status.Should().Be(AuthorizationStatus.Approved);
        authorization.Appeals.Should().Be(1);

        var appointmentAt = DateTimeOffset.UtcNow.AddDays(3);
        var booked = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/external-booking", new { facility = "Lakeside Imaging", appointmentAt });
        booked.StatusCode.Should().Be(HttpStatusCode.OK);
        var appointment = (await booked.ReadAsAsync<ReferralDetails>()).Appointment!;
        appointment.InNetwork.Should().BeFalse();
        appointment.Facility.Should().Be("Lakeside Imaging");

        var wrongKind = await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/report", new { kind = "consult-report", summary = "x" });
        wrongKind.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var report = await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/report", new { kind = "imaging-result", summary = "L4-5 disc protrusion; no cord compression." });
        report.StatusCode.Should().Be(HttpStatusCode.OK);
        (await report.ReadAsAsync<ReferralDetails>()).Status.Should().Be(ReferralStatus.Completed);

        (await approved.WaitForAsync(e => e.ReferralId == referralId)).AuthorizationNumber.Should().Be("PA-55012");
        (await scheduled.WaitForAsync(e => e.ReferralId == referralId)).Should().Match<ReferralScheduled>(e => !e.InNetwork && e.Facility == "Lakeside Imaging");
        (await closed.WaitForAsync(e => e.ReferralId == referralId)).ReportKind.Should().Be("imaging-result");
        var patients = await _desk.GetAsync($"/api/referral/patients/{patientId}/referrals").ReadAsAsync<List<ReferralDetails>>();
        patients.Single().Status.Should().Be(ReferralStatus.Completed);
    }

    [Fact]
    public async Task Admission_Referred_PublishesAdmissionRequestedWithTheFacility()
    {
        var requested = factory.Listen<AdmissionRequested>();

        var (referralId, _, _) = await CreateAsync("admission", "cardiology", "emergent", "St. Mary's Hospital");

        (await requested.WaitForAsync(e => e.ReferralId == referralId)).Should().Match<AdmissionRequested>(e =>
            e.AdmittingFacility == "St. Mary's Hospital" && e.Urgency == "emergent");
        var booking = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId = Guid.CreateVersion7(), slotId = Guid.CreateVersion7() });
        booking.StatusCode.Should().Be(HttpStatusCode.Conflict, "an admission is not booked into a clinic slot");
    }

    [Fact]
    public async Task Book_SchedulingNotAnswering_503WithRetryAfterAndNothingRecorded()
    {
        var (referralId, _, _) = await CreateAsync("specialist", "cardiology");

        var booking = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId = Guid.CreateVersion7(), slotId = Guid.CreateVersion7() });

        booking.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        booking.Headers.RetryAfter.Should().NotBeNull();
        (await Body(booking)).GetProperty("detail").GetString().Should().Contain("scheduling");
        var referral = await _desk.GetAsync($"/api/referral/referrals/{referralId}").ReadAsAsync<ReferralDetails>();
        referral.Status.Should().Be(ReferralStatus.Created);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(referralId)).Should().HaveCount(1);
        (await _desk.GetAsync($"/api/referral/referrals/{referralId}/slots?date=2026-03-04")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Unscheduled_PastItsDeadline_OverdueOnceAndListedAsOverdue()
    {
        var overdue = factory.Listen<ReferralOverdue>();
        var (referralId, _, scheduleBy) = await CreateAsync("specialist", "dermatology", "emergent");

        var listing = await _desk.GetAsync($"/api/referral/referrals?status=created&dueBefore={Uri.EscapeDataString(scheduleBy.AddSeconds(1).ToString("O"))}");
        listing.StatusCode.Should().Be(HttpStatusCode.OK, await listing.Content.ReadAsStringAsync());
        var listed = await listing.ReadAsAsync<List<ReferralDetails>>();
        listed.Should().Contain(r => r.ReferralId == referralId);
        await factory.Sweeper.SweepAsync(scheduleBy.AddMinutes(1), CancellationToken.None);
        await factory.Sweeper.SweepAsync(scheduleBy.AddMinutes(2), CancellationToken.None);

        (await overdue.WaitForAsync(e => e.ReferralId == referralId)).Should().Match<ReferralOverdue>(e => e.Stage == "scheduling" && e.Deadline == scheduleBy);
        await using var session = factory.Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<Referrals.ReferralSchedulingOverdue>().CountAsync(e => e.ReferralId == referralId)).Should().Be(1);
        (await _desk.GetAsync("/api/referral/referrals?overdue=true").ReadAsAsync<List<ReferralDetails>>())
            .Should().Contain(r => r.ReferralId == referralId);
        (await _desk.GetAsync("/api/referral/referrals?status=completed")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task BookedOutsideAndMissed_ReopensAndCanBeBookedAgain()
    {
        var (referralId, _, _) = await CreateAsync();
        (await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/external-booking", new { facility = "Lakeside Imaging", appointmentAt = DateTimeOffset.UtcNow.AddDays(1) }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var missed = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/missed-appointment", new { reason = "no-show" });

        missed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await missed.ReadAsAsync<ReferralDetails>()).Status.Should().Be(ReferralStatus.Created);
        (await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/external-booking", new { facility = "Lakeside Imaging", appointmentAt = DateTimeOffset.UtcNow.AddDays(4) }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancel_OpenReferral_NoLongerListedAsOpen()
    {
        var (referralId, _, _) = await CreateAsync();

        (await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/cancellation", new { reason = "patient declined" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _desk.GetAsync("/api/referral/referrals").ReadAsAsync<List<ReferralDetails>>()).Should().NotContain(r => r.ReferralId == referralId);
        (await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/authorization", new { payer = "Acme" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
