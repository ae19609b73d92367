using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Charging;
using PatientFlow.Billing.Fees;
using static PatientFlow.Billing.Tests.Deciders.AccountSpec;

namespace PatientFlow.Billing.Tests.Deciders;

public class ChargingTests
{
    [Fact]
    public void GivenNoAccount_WhenChargeEncounter_ThenEachProcedurePricedFromSchedulePointingAtDiagnoses() =>
        Given().When(Complete).Then(new EncounterCharged(
            VisitId, PatientId, ProviderId, ["J02.9", "R50.9"],
            [
                new Charge(ChargeSource.Encounter, "99213", 1, 90.00m, 90.00m, "USD", [1, 2], false),
                new Charge(ChargeSource.Encounter, "87880", 1, 25.00m, 25.00m, "USD", [1, 2], false),
            ],
            CompletedAt));

    [Fact]
    public void GivenBookedAccount_WhenChargeEncounterWithSeveralUnits_ThenAmountIsUnitPriceTimesUnits() =>
        Given(Booked).When(Complete with { Procedures = [new PerformedProcedure("36415", 3)] })
            .ThenLast<EncounterCharged>().Charges.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new Charge(ChargeSource.Encounter, "36415", 3, 10.00m, 30.00m, "USD", [1, 2], false));

    [Fact]
    public void GivenNoAccount_WhenChargeEncounterWithSixDiagnoses_ThenPointersAreTheFirstFour() =>
        Given().When(Complete with { Diagnoses = ["J02.9", "R50.9", "I10", "E11.9", "E78.5", "Z00.00"] })
            .ThenLast<EncounterCharged>().Charges.Should().AllSatisfy(c => c.DiagnosisPointers.Should().Equal(1, 2, 3, 4));

    [Fact]
    public void GivenNoAccount_WhenChargeEncounterWithCodeMissingFromSchedule_ThenChargedAtZeroAndMarkedUnpriced() =>
        Given().When(Complete with { Procedures = [new PerformedProcedure("99213", 1), new PerformedProcedure("g0008", 2)] })
            .ThenLast<EncounterCharged>().Charges.Should().BeEquivalentTo(
                [
                    new Charge(ChargeSource.Encounter, "99213", 1, 90.00m, 90.00m, "USD", [1, 2], false),
                    new Charge(ChargeSource.Encounter, "G0008", 2, 0.00m, 0.00m, "USD", [1, 2], true),
                ],
                options => options.WithStrictOrdering());

    [Fact]
    public void GivenChargedEncounter_WhenChargeEncounterAgain_ThenNothingIsChargedTwice() =>
        Given(Booked, Charged).When(Complete with { Procedures = [new PerformedProcedure("99214", 1)] }).Then();

    [Fact]
    public void GivenNoAccount_WhenChargeLabResult_ThenOneUnitOfItsBillingCode() =>
        Given().When(Result).Then(new LabResultCharged(
            VisitId, PatientId, OrderId, new Charge(ChargeSource.Lab, "82947", 1, 15.00m, 15.00m, "USD", [], false), ResultedAt));

    [Fact]
    public void GivenChargedLabOrder_WhenChargeSameOrderAgain_ThenNothingIsChargedTwice() =>
        Given(LabCharged).When(Result with { ResultedAt = ResultedAt.AddMinutes(5) }).Then();

    [Fact]
    public void GivenChargedLabOrder_WhenChargeAnotherOrder_ThenChargedToo() =>
        Given(LabCharged).When(Result with { OrderId = Guid.CreateVersion7(), BillingCode = "36415" })
            .ThenLast<LabResultCharged>().Charge.Amount.Should().Be(10.00m);
}
