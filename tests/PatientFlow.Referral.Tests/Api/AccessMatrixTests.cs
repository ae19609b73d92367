using PatientFlow.Referral.Referrals.GettingDetails;
using Xunit.Abstractions;
using static PatientFlow.Testing.AccessMatrix;

namespace PatientFlow.Referral.Tests.Api;

/// <summary>
/// Referral's access table: clinicians refer, decide prior authorisations and close the loop; the desk and clinicians
/// coordinate (request authorisation, book, record outside bookings and missed appointments, cancel); a referral is its visit's clinic's.
/// </summary>
public class AccessMatrixTests(ReferralFactory factory, ITestOutputHelper output)
    : AccessMatrixSpec<Program>(factory, output), IClassFixture<ReferralFactory>
{
    private const string One = "/api/referral/referrals/{referralId:guid}";

    protected override IEnumerable<AccessRule> Table =>
    [
        Row("POST /api/referral/referrals", Clinician),
        Listed("GET /api/referral/referrals", DeskAndClinician),
        Record($"GET {One}", DeskAndClinician, "referralId"),
        Record($"POST {One}/authorization", DeskAndClinician, "referralId"),
        Record($"POST {One}/authorization/approval", Clinician, "referralId"),
        Record($"POST {One}/authorization/denial", Clinician, "referralId"),
        Record($"POST {One}/authorization/appeal", Clinician, "referralId"),
        Record($"GET {One}/slots", DeskAndClinician, "referralId"),
        Record($"POST {One}/booking", DeskAndClinician, "referralId"),
        Record($"POST {One}/external-booking", DeskAndClinician, "referralId"),
        Record($"POST {One}/missed-appointment", DeskAndClinician, "referralId"),
        Record($"POST {One}/report", Clinician, "referralId"),
        Record($"POST {One}/cancellation", DeskAndClinician, "referralId"),
        Record("GET /api/referral/visits/{visitId:guid}/referrals", DeskAndClinician, "visitId"),
        Listed("GET /api/referral/patients/{patientId:guid}/referrals", DeskAndClinician),
        .. Operations("referral"),
    ];

    /// <summary>A visit booked at the north clinic and a referral from it.</summary>
    protected override async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        var booked = await factory.BookVisitAsync();
        var referral = await factory.CreateClient(Roles.Clinician).PostAsJsonAsync("/api/referral/referrals", new
        {
            visitId = booked.VisitId, kind = "specialist", specialty = "Cardiology", urgency = "routine", reason = "Murmur on auscultation",
        }).ReadAsAsync<ReferralDetails>();
        return new Dictionary<string, string>
        {
            ["visitId"] = booked.VisitId.ToString(),
            ["referralId"] = referral.ReferralId.ToString(),
            ["patientId"] = booked.PatientId.ToString(),
        };
    }
}
