using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Referral.Tests.Api;

/// <summary>Prior-authorisation decisions and closing the loop are clinicians'; a referral is worked in its visit's clinic.</summary>
public class ClinicScopeTests(ReferralFactory factory) : IClassFixture<ReferralFactory>
{
    private async Task<ReferralDetails> ReferralAsync()
    {
        var booked = await factory.BookVisitAsync();
        return await factory.CreateClient(Roles.Clinician).PostAsJsonAsync("/api/referral/referrals", new
        {
            visitId = booked.VisitId, kind = "specialist", specialty = "Cardiology", urgency = "routine", reason = "Murmur on auscultation",
        }).ReadAsAsync<ReferralDetails>();
    }

    [Fact]
    public async Task ApproveAuthorization_FrontDesk_Answers403()
    {
        var referral = await ReferralAsync();

        var response = await factory.CreateClient(Roles.FrontDesk).PostAsJsonAsync($"/api/referral/referrals/{referral.ReferralId}/authorization/approval",
            new { authorizationNumber = "PA-1", validFrom = "2026-01-01", validTo = "2026-12-31", visitsAllowed = 3 });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a prior-authorisation decision is a clinician's");
    }

    [Fact]
    public async Task ReceiveReport_FrontDesk_Answers403AndTheLoopStaysOpen()
    {
        var referral = await ReferralAsync();

        var response = await factory.CreateClient(Roles.FrontDesk).PostAsJsonAsync($"/api/referral/referrals/{referral.ReferralId}/report",
            new { reportKind = "consult-note", summary = "Seen" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "closing the loop is a clinician's");
        (await factory.CreateClient(Roles.Clinician).GetAsync($"/api/referral/referrals/{referral.ReferralId}").ReadAsAsync<ReferralDetails>())
            .Status.Should().Be(referral.Status);
    }

    [Fact]
    public async Task ReadAndList_ClinicianOfAnotherClinic_NotFoundAndNotListed()
    {
        var referral = await ReferralAsync();
        var south = factory.CreateClient(Caller.Staff(Roles.Clinician, "south"));

        var read = await south.GetAsync($"/api/referral/referrals/{referral.ReferralId}");
        var open = await south.GetAsync("/api/referral/referrals").ReadAsAsync<IReadOnlyList<ReferralDetails>>();
        var patients = await south.GetAsync($"/api/referral/patients/{referral.PatientId}/referrals").ReadAsAsync<IReadOnlyList<ReferralDetails>>();

        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        open.Should().NotContain(r => r.ReferralId == referral.ReferralId);
        patients.Should().BeEmpty();
        (await factory.CreateClient(Caller.Staff(Roles.Clinician, "north")).GetAsync("/api/referral/referrals").ReadAsAsync<IReadOnlyList<ReferralDetails>>())
            .Should().Contain(r => r.ReferralId == referral.ReferralId);
    }
}
