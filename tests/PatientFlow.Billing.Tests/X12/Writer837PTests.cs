using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Tests.X12;

public class Writer837PTests
{
    private static readonly X12Address Clinic = new("100 Main St", "Springfield", "IL", "62701-1234");

    private static Batch837P Batch(params ProfessionalClaim[] claims) => new(
        new Submitter("PatientFlow North Clinic", "PF0001", "Billing Office", "(217) 555-0100", "PF0001"),
        new Receiver("Acme Clearinghouse", "ACMECH", "ACMECH"),
        new BillingProvider("North Clinic LLC", "1234567893", "36-1234567", Clinic, "207Q00000X"),
        claims,
        InterchangeControlNumber: 42,
        GroupControlNumber: 42,
        BatchReference: "B-000042",
        CreatedAt: new DateTimeOffset(2026, 3, 5, 14, 7, 0, TimeSpan.Zero));

    private static readonly Subscriber Ada = new("Example", "Ada", "W123456789", new DateOnly(1980, 4, 12), "F", new("12 Elm St", "Springfield", "IL", "62704"));

    private static readonly ProfessionalClaim Original = new(
        "V01A207C1",
        Ada,
        new Payer("Acme Health", "ACME01"),
        ["E11.9", "I10"],
        [
            new ServiceLine("99213", ["25"], 90.00m, 1, [1, 2], new DateOnly(2026, 3, 4)),
            new ServiceLine("82947", [], 15.50m, 1, [1], new DateOnly(2026, 3, 4)),
        ]);

    [Fact]
    public void GivenOneOriginalClaim_WhenWritten_ThenEverySegmentIsThe005010X222A1OneExpected()
    {
        string[] expected =
        [
            "ISA*00*          *00*          *ZZ*PF0001         *ZZ*ACMECH         *260305*1407*^*00501*000000042*0*T*:~",
            "GS*HC*PF0001*ACMECH*20260305*1407*42*X*005010X222A1~",
            "ST*837*0001*005010X222A1~",
            "BHT*0019*00*B-000042*20260305*1407*CH~",
            "NM1*41*2*PATIENTFLOW NORTH CLINIC*****46*PF0001~",
            "PER*IC*BILLING OFFICE*TE*2175550100~",
            "NM1*40*2*ACME CLEARINGHOUSE*****46*ACMECH~",
            "HL*1**20*1~",
            "PRV*BI*PXC*207Q00000X~",
            "NM1*85*2*NORTH CLINIC LLC*****XX*1234567893~",
            "N3*100 MAIN ST~",
            "N4*SPRINGFIELD*IL*627011234~",
            "REF*EI*361234567~",
            "HL*2*1*22*0~",
            "SBR*P*18*******CI~",
            "NM1*IL*1*EXAMPLE*ADA****MI*W123456789~",
            "N3*12 ELM ST~",
            "N4*SPRINGFIELD*IL*62704~",
            "DMG*D8*19800412*F~",
            "NM1*PR*2*ACME HEALTH*****PI*ACME01~",
            "CLM*V01A207C1*105.5***11:B:1*Y*A*Y*Y~",
            "HI*ABK:E119*ABF:I10~",
            "LX*1~",
            "SV1*HC:99213:25*90*UN*1***1:2~",
            "DTP*472*D8*20260304~",
            "LX*2~",
            "SV1*HC:82947*15.5*UN*1***1~",
            "DTP*472*D8*20260304~",
            "SE*27*0001~",
            "GE*1*42~",
            "IEA*1*000000042~",
        ];

        var written = Writer837P.Write(Batch(Original)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        for (var i = 0; i < expected.Length; i++)
        {
            written.Should().HaveCountGreaterThan(i, $"segment {i + 1} ({expected[i][..3]}) is missing");
            written[i].Should().Be(expected[i], $"segment {i + 1} must match");
        }

        written.Should().HaveCount(expected.Length);
    }

    [Fact]
    public void GivenAnyBatch_WhenWritten_ThenTheIsaIsFixedWidthAndTheControlNumbersAndCountsAgree()
    {
        var written = Writer837P.Write(Batch(Original, Original with { PatientControlNumber = "V2" })).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        written[0].Should().HaveLength(106, "the ISA is 105 characters and its terminator");
        var segmentsInSet = written.SkipWhile(s => !s.StartsWith("ST*")).TakeWhile(s => !s.StartsWith("GE*")).Count();
        written.Single(s => s.StartsWith("SE*")).Should().Be($"SE*{segmentsInSet}*0001~");
        written.Where(s => s.StartsWith("HL*")).Should().Equal("HL*1**20*1~", "HL*2*1*22*0~", "HL*3*1*22*0~");
        written[0].Substring(90, 9).Should().Be("000000042");
        written[^1].Should().Be("IEA*1*000000042~");
    }

    [Fact]
    public void GivenAReplacementClaim_WhenWritten_ThenFrequencySevenAndTheOriginalClaimNumber()
    {
        var replacement = Original with { FrequencyCode = "7", OriginalClaimNumber = "PAYER-CLAIM-889" };

        var written = Writer837P.Write(Batch(replacement)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        written.Should().Contain("CLM*V01A207C1*105.5***11:B:7*Y*A*Y*Y~");
        written.SkipWhile(s => !s.StartsWith("CLM*")).Skip(1).First().Should().Be("REF*F8*PAYER-CLAIM-889~");
    }

    [Fact]
    public void GivenTextWithDelimiters_WhenWritten_ThenTheDelimitersNeverReachTheFile()
    {
        var tricky = Original with { Subscriber = Ada with { LastName = "O*Brien~Smith:Jr^" } };

        var written = Writer837P.Write(Batch(tricky));

        written.Split('\n').Should().Contain("NM1*IL*1*O BRIEN SMITH JR*ADA****MI*W123456789~");
    }

    [Fact]
    public void GivenNoClaims_WhenWritten_ThenRefused()
    {
        var act = () => Writer837P.Write(Batch());

        act.Should().Throw<InvalidOperationException>();
    }
}
