using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Tests.X12;

public class Reader835Tests
{
    // A payer's remittance for three claims: paid with a contractual write-off and a copay, denied, partly paid with coinsurance.
    private const string Remittance =
        "ISA*00*          *00*          *ZZ*ACMECH         *ZZ*PF0001         *260320*0930*^*00501*000000077*0*T*:~\n" +
        "GS*HP*ACMECH*PF0001*20260320*0930*77*X*005010X221A1~\n" +
        "ST*835*0001*005010X221A1~\n" +
        "BPR*I*132.4*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20260320~\n" +
        "TRN*1*EFT-20260320-0001*1512345678~\n" +
        "DTM*405*20260319~\n" +
        "N1*PR*ACME HEALTH~\n" +
        "N3*1 INSURANCE WAY~\n" +
        "N4*HARTFORD*CT*06101~\n" +
        "N1*PE*NORTH CLINIC LLC*XX*1234567893~\n" +
        "LX*1~\n" +
        "CLP*V01A207C1*1*105.5*72.4*20*12*PAYER-CLAIM-889*11*1~\n" +
        "NM1*QC*1*EXAMPLE*ADA****MI*W123456789~\n" +
        "SVC*HC:99213:25*90*60*UN*1~\n" +
        "DTM*472*20260304~\n" +
        "CAS*CO*45*10~\n" +
        "CAS*PR*3*20~\n" +
        "SVC*HC:82947*15.5*12.4~\n" +
        "DTM*472*20260304~\n" +
        "CAS*CO*45*3.1~\n" +
        "CLP*V02B11111*4*90*0*0*12*PAYER-CLAIM-890~\n" +
        "CAS*CO*50*90~\n" +
        "NM1*QC*1*DOE*JOHN****MI*W555~\n" +
        "CLP*V03C22222*1*200*60**12*PAYER-CLAIM-891~\n" +
        "NM1*QC*1*ROE*RICHARD****MI*W777~\n" +
        "SVC*HC:99214*200*60~\n" +
        "CAS*CO*45*100*1*253*0~\n" +
        "CAS*PR*1*25**2*15~\n" +
        "SE*27*0001~\n" +
        "GE*1*77~\n" +
        "IEA*1*000000077~\n";

    [Fact]
    public void GivenARemittance_WhenRead_ThenThePaymentTraceAndPayerAreKnown()
    {
        var remittance = Reader835.Read(Remittance);

        remittance.TotalPaid.Should().Be(132.4m);
        remittance.PaymentMethod.Should().Be("ACH");
        remittance.PaymentDate.Should().Be(new DateOnly(2026, 3, 20));
        remittance.TraceNumber.Should().Be("EFT-20260320-0001");
        remittance.PayerName.Should().Be("ACME HEALTH");
        remittance.Claims.Select(c => c.PatientControlNumber).Should().Equal("V01A207C1", "V02B11111", "V03C22222");
        remittance.Claims.Sum(c => c.Paid).Should().Be(remittance.TotalPaid);
    }

    [Fact]
    public void GivenAPaidClaim_WhenRead_ThenLinesAdjustmentsAndPatientResponsibility()
    {
        var paid = Reader835.Read(Remittance).Claims[0];

        paid.Should().Match<ClaimPayment>(c => c.Status == "1" && c.Charged == 105.5m && c.Paid == 72.4m && c.PatientResponsibility == 20m && !c.Denied);
        paid.PayerClaimNumber.Should().Be("PAYER-CLAIM-889");
        paid.Services.Should().HaveCount(2);
        paid.Services[0].Should().BeEquivalentTo(new ServicePayment("99213", ["25"], 90m, 60m, 1, [new Adjustment("CO", "45", 10m), new Adjustment("PR", "3", 20m)]));
        paid.Services[1].Adjustments.Should().Equal(new Adjustment("CO", "45", 3.1m));
        // What was charged is accounted for: paid + every adjustment.
        (paid.Paid + paid.AllAdjustments.Sum(a => a.Amount)).Should().Be(paid.Charged);
    }

    [Fact]
    public void GivenADeniedClaim_WhenRead_ThenDeniedWithItsReasonCode()
    {
        var denied = Reader835.Read(Remittance).Claims[1];

        denied.Denied.Should().BeTrue();
        denied.Paid.Should().Be(0);
        denied.Adjustments.Should().Equal(new Adjustment("CO", "50", 90m));
    }

    [Fact]
    public void GivenNoClp05_WhenRead_ThenPatientResponsibilityIsTheSumOfPrAdjustmentsAcrossTriples()
    {
        var partial = Reader835.Read(Remittance).Claims[2];

        partial.PatientResponsibility.Should().Be(40m, "deductible 25 and coinsurance 15 in one CAS segment");
        partial.Services[0].Adjustments.Should().Equal(
            new Adjustment("CO", "45", 100m), new Adjustment("CO", "253", 0m), new Adjustment("PR", "1", 25m), new Adjustment("PR", "2", 15m));
    }

    [Fact]
    public void GivenAnother_Transaction_WhenRead_ThenRefused()
    {
        var act = () => Reader835.Read(Remittance.Replace("ST*835", "ST*837", StringComparison.Ordinal));

        act.Should().Throw<FormatException>();
    }
}
