using PatientFlow.Billing.Scrubbing;
using PatientFlow.Billing.X12;

namespace PatientFlow.Billing.Tests.Scrubbing;

public class ClaimScrubberTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);
    private static readonly DateOnly Seen = new(2026, 3, 4);
    private static readonly X12Address Street = new("12 Elm St", "Springfield", "IL", "62704");
    private static readonly BillingProvider Provider = new("North Clinic LLC", "1234567893", "36-1234567", Street);
    private static readonly CoveragePeriod Covered = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Active: true);

    private static readonly ProfessionalClaim Clean = new(
        "V1",
        new Subscriber("Example", "Ada", "W123", new DateOnly(1980, 4, 12), "F", Street),
        new Payer("Acme Health", "ACME01"),
        ["E11.9", "I10"],
        [new ServiceLine("99213", ["25"], 90m, 1, [1, 2], Seen), new ServiceLine("82947", [], 15m, 1, [1], Seen)]);

    private static IReadOnlyList<ClaimEdit> Scrub(ProfessionalClaim claim, BillingProvider? provider = null, CoveragePeriod? coverage = null) =>
        ClaimScrubber.Scrub(provider ?? Provider, claim, coverage ?? Covered, Today);

    [Fact]
    public void GivenACompleteClaim_WhenScrubbed_ThenNoEdits() => Scrub(Clean).Should().BeEmpty();

    public static TheoryData<string, string, Func<ProfessionalClaim, ProfessionalClaim>> BlockingEdits() => new()
    {
        { "diagnosis-missing", "diagnoses", c => c with { Diagnoses = [], Lines = [.. c.Lines.Select(l => l with { DiagnosisPointers = [1] })] } },
        { "diagnosis-format", "diagnoses[1]", c => c with { Diagnoses = ["E11.9", "I10.999999"] } },
        { "diagnosis-format", "diagnoses[0]", c => c with { Diagnoses = ["U07.1x", "I10"] } },
        { "procedure-format", "lines[0].procedure", c => c with { Lines = [c.Lines[0] with { Procedure = "9921" }, c.Lines[1]] } },
        { "modifier-format", "lines[0].modifiers", c => c with { Lines = [c.Lines[0] with { Modifiers = ["25", "59", "76", "77", "91"] }, c.Lines[1]] } },
        { "pointer-dangling", "lines[1].diagnosisPointers", c => c with { Lines = [c.Lines[0], c.Lines[1] with { DiagnosisPointers = [3] }] } },
        { "pointer-count", "lines[1].diagnosisPointers", c => c with { Lines = [c.Lines[0], c.Lines[1] with { DiagnosisPointers = [] }] } },
        { "units", "lines[0].units", c => c with { Lines = [c.Lines[0] with { Units = 0 }, c.Lines[1]] } },
        { "service-date-future", "lines[1].serviceDate", c => c with { Lines = [c.Lines[0], c.Lines[1] with { ServiceDate = Today.AddDays(1) }] } },
        { "subscriber-id", "subscriber.memberId", c => c with { Subscriber = c.Subscriber with { MemberId = " " } } },
        { "subscriber-name", "subscriber.name", c => c with { Subscriber = c.Subscriber with { FirstName = "" } } },
        { "subscriber-birth-date", "subscriber.dateOfBirth", c => c with { Subscriber = c.Subscriber with { DateOfBirth = default } } },
        { "subscriber-gender", "subscriber.gender", c => c with { Subscriber = c.Subscriber with { Gender = "X" } } },
        { "lines-missing", "lines", c => c with { Lines = [] } },
    };

    [Theory]
    [MemberData(nameof(BlockingEdits))]
    public void GivenAClaimWithOneFault_WhenScrubbed_ThenExactlyThatBlockingEditNamingTheField(
        string code, string field, Func<ProfessionalClaim, ProfessionalClaim> fault)
    {
        var edits = Scrub(fault(Clean));

        edits.Where(e => e.Severity == EditSeverity.Blocking).Should().ContainSingle(e => e.Code == code)
            .Which.Field.Should().Be(field);
        ClaimScrubber.Blocks(edits).Should().BeTrue();
    }

    [Theory]
    [InlineData("0001F")]
    [InlineData("J1100")]
    [InlineData("G0439")]
    public void GivenCategoryTwoOrHcpcsCodes_WhenScrubbed_ThenAccepted(string code) =>
        Scrub(Clean with { Lines = [Clean.Lines[0] with { Procedure = code }] }).Should().BeEmpty();

    [Theory]
    [InlineData("1234567890")]
    [InlineData("123456789")]
    [InlineData("")]
    public void GivenABadNpi_WhenScrubbed_ThenProviderNpiBlocks(string npi) =>
        Scrub(Clean, Provider with { Npi = npi }).Should().ContainSingle(e => e.Code == "provider-npi" && e.Severity == EditSeverity.Blocking);

    [Fact]
    public void GivenATaxIdWithoutNineDigits_WhenScrubbed_ThenProviderTaxIdBlocks() =>
        Scrub(Clean, Provider with { TaxId = "36-12345" }).Should().ContainSingle(e => e.Code == "provider-tax-id");

    [Theory]
    [InlineData("2026-01-01", "2026-03-03", true)]
    [InlineData("2026-03-05", null, true)]
    [InlineData("2026-01-01", null, false)]
    public void GivenCoverageNotActiveOnTheDateOfService_WhenScrubbed_ThenCoverageBlocksOnce(string from, string? to, bool active)
    {
        var coverage = new CoveragePeriod(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), active);

        Scrub(Clean, coverage: coverage).Should().ContainSingle(e => e.Code == "coverage-inactive" && e.Severity == EditSeverity.Blocking);
    }

    [Fact]
    public void GivenNoCoverageAtAll_WhenScrubbed_ThenCoverageBlocks() =>
        ClaimScrubber.Scrub(Provider, Clean, null, Today).Should().Contain(e => e.Code == "coverage-inactive");

    [Fact]
    public void GivenAnUnpricedLineAndARepeatedProcedure_WhenScrubbed_ThenWarningsOnlyAndTheClaimMayGo()
    {
        var edits = Scrub(Clean with { Lines = [Clean.Lines[0], Clean.Lines[1] with { Charge = 0 }, Clean.Lines[1] with { Charge = 0 }] });

        edits.Select(e => e.Code).Should().BeEquivalentTo(["line-unpriced", "line-unpriced", "line-duplicate"]);
        ClaimScrubber.Blocks(edits).Should().BeFalse();
    }

    [Fact]
    public void GivenNoSubscriberAddress_WhenScrubbed_ThenAWarning() =>
        Scrub(Clean with { Subscriber = Clean.Subscriber with { Address = Street with { Line1 = "" } } })
            .Should().ContainSingle(e => e.Code == "subscriber-address" && e.Severity == EditSeverity.Warning);

    [Theory]
    [InlineData("1234567893", true)]
    [InlineData("1245319599", true)]
    [InlineData("1234567894", false)]
    [InlineData("12345678a3", false)]
    public void GivenAnNpi_WhenChecked_ThenTheLuhnCheckDigitDecides(string npi, bool valid) => ClaimScrubber.IsNpi(npi).Should().Be(valid);
}
