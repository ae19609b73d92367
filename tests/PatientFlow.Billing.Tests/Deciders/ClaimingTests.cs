using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;
using PatientFlow.ServiceDefaults.Problems;
using static PatientFlow.Billing.Tests.Deciders.AccountSpec;

namespace PatientFlow.Billing.Tests.Deciders;

public class ClaimingTests
{
    private static readonly ClaimLine[] ExpectedLines =
    [
        new(1, "99213", 1, 90.00m, 90.00m, [1, 2], ChargeSource.Encounter, false),
        new(2, "87880", 1, 25.00m, 25.00m, [1, 2], ChargeSource.Encounter, false),
        new(3, "82947", 1, 15.00m, 15.00m, [1], ChargeSource.Lab, false),
    ];

    private static readonly ClaimCreated ExpectedClaim = new(
        ClaimId, VisitId, PatientId, ProviderId, "north", new DateOnly(2025, 3, 4), ["J02.9", "R50.9"], ExpectedLines, 130.00m, "USD", Now);

    [Fact]
    public void GivenCompletedEncounter_WhenRecordCheckOut_ThenClaimDraftedWithEveryCharge() =>
        Given(Booked, Charged, LabCharged).When(CheckOut).Then(CheckedOut, Drafted, ExpectedClaim);

    [Fact]
    public void GivenCheckedOutAndLabCharged_WhenChargeEncounter_ThenSameClaimWithEncounterLinesFirst() =>
        Given(CheckedOut, LabCharged, Booked).When(Complete).Then(Charged, Drafted, ExpectedClaim);

    [Fact]
    public void GivenCheckedOutWithoutAppointment_WhenChargeEncounter_ThenDatedByCheckOutWithoutClinic() =>
        Given(CheckedOut with { CheckedOutAt = StartsAt.AddDays(1) }).When(Complete).ThenLast<ClaimCreated>()
            .Should().Match<ClaimCreated>(c => c.DateOfService == new DateOnly(2025, 3, 5) && c.Clinic == null && c.TotalCharge == 115.00m);

    // Booked for one day, seen on another: the claim is dated by the arrival, in the clinic's zone (01:00 UTC is the
    // evening before in New York).
    [Fact]
    public void GivenArrivedOnAnotherDayThanBooked_WhenRecordCheckOut_ThenDatedByTheArrivalInTheClinicsZone() =>
        Given(Booked, new CheckInRecorded(VisitId, PatientId, new DateTimeOffset(2025, 2, 26, 1, 0, 0, TimeSpan.Zero)), Charged)
            .When(CheckOut).ThenLast<ClaimCreated>().DateOfService.Should().Be(new DateOnly(2025, 2, 25));

    [Fact]
    public void GivenCompletedEncounterNotCheckedOut_WhenChargeLabResult_ThenNoClaim() =>
        Given(Booked, Charged).When(Result).Then(LabCharged);

    [Fact]
    public void GivenBookedOnly_WhenRecordCheckOut_ThenNoClaim() =>
        Given(Booked).When(CheckOut).Then(CheckedOut);

    [Fact]
    public void GivenClaimDrafted_WhenRecordCheckOutAgain_ThenNoSecondClaim() =>
        Given(Booked, Charged, CheckedOut, Drafted).When(CheckOut with { CheckedOutAt = Now }).Then();

    [Fact]
    public void GivenClaimDrafted_WhenChargeEncounterAgain_ThenNoSecondClaim() =>
        Given(CheckedOut, Charged, Drafted).When(Complete).Then();

    [Fact]
    public void GivenClaimDrafted_WhenChargeLabResult_ThenChargedOnAccountAndClaimLeftAlone() =>
        Given(Booked, Charged, CheckedOut, Drafted).When(Result).Then(LabCharged);

    [Fact]
    public void GivenClaimDrafted_WhenRecordAppointment_ThenNotedAndClaimLeftAlone() =>
        Given(Charged, CheckedOut, Drafted).When(Book).Then(Booked);

    [Fact]
    public void GivenCheckedOut_WhenChargeEncounterWithUnpricedCode_ThenClaimLineUnpricedAtZero() =>
        Given(Booked, CheckedOut).When(Complete with { Procedures = [new("99213", 1), new("99499", 1)] })
            .ThenLast<ClaimCreated>().Should().BeEquivalentTo(new
            {
                TotalCharge = 90.00m,
                Lines = new[]
                {
                    new { LineNumber = 1, Code = "99213", Amount = 90.00m, Unpriced = false },
                    new { LineNumber = 2, Code = "99499", Amount = 0.00m, Unpriced = true },
                },
            });

    [Fact]
    public void GivenLabChargedInAnotherCurrency_WhenClaimDue_ThenConflictInsteadOfAMixedTotal()
    {
        var euro = LabCharged with { Charge = Glucose with { Currency = "EUR" } };

        var decide = () => Given(Booked, euro, CheckedOut).When(Complete).Then();

        decide.Should().Throw<ConflictException>().WithMessage("*EUR*");
    }
}
