namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>The test-side parser must itself be able to say no, or the message tests built on it prove nothing.</summary>
public class Er7ParserTests
{
    private const string Pv1 =
        @"PV1|1|O|north^EXAM\T\1||||doc-7^^^^^^^^PatientFlow||||||||||||v-1^^^PatientFlow^VN|||||||||||||||||||||||||20261123091000-0500";

    private static readonly string Registration = string.Concat(
        @"MSH|^~\&|SENDER|FAC|RECV|RFAC|20261123091500+0000||ADT^A04^ADT_A01|CTRL0001|P|2.5.1", "\r",
        "EVN|A04|20261123091612.25+0000||||20261123091001-0500\r",
        @"PID|1||p-1^^^PatientFlow^PI~mrn-9^^^Hospital^MR||\X0A\", "\r",
        Pv1, "\r");

    [Fact]
    public void Parse_WellFormedRegistration_ReadsEveryLevelAndUnescapes()
    {
        var message = Er7Parser.Parse(Registration);

        message.Shape.Should().Be("MSH EVN PID PV1");
        message.MessageType.Should().Be("ADT^A04");
        message.Structure.Should().Be("ADT_A01");
        message.Header[1].Should().Be("|");
        message.Header[2].Should().Be(@"^~\&");
        message.Header[10].Should().Be("CTRL0001");
        var pid = message.Single("PID");
        pid.Value(3, 4).Should().Be("PatientFlow");
        pid.Value(3, 1, repetition: 2).Should().Be("mrn-9");
        pid[5].Should().Be("\n");
        var pv1 = message.Single("PV1");
        pv1.Value(3, 2).Should().Be("EXAM&1");
        pv1.Value(7, 9).Should().Be("PatientFlow");
        pv1[19].Should().Be("v-1");
        pv1.Time(44).Should().Be(new DateTimeOffset(2026, 11, 23, 9, 10, 0, TimeSpan.FromHours(-5)));
        message.Single("EVN").Time(2).Should().Be(new DateTimeOffset(2026, 11, 23, 9, 16, 12, 250, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("PV1|1|O|", "ZPV|1|O|", "unknown segment id 'ZPV'")]
    [InlineData("|CTRL0001|", "||", "MSH-10 is required")]
    [InlineData("|CTRL0001|", "|CTRL00010001000100010|", "MSH-10 control id must have at most 20 characters")]
    [InlineData("ADT^A04^ADT_A01", "ADT^A04", "MSH-9 needs")]
    [InlineData("ADT^A04^ADT_A01", "ADT^A03^ADT_A01", "uses structure ADT_A03")]
    [InlineData("|P|2.5.1", "|P|2.4", "MSH-12")]
    [InlineData(@"|p-1^^^PatientFlow^PI~mrn-9^^^Hospital^MR|", "||", "PID-3 is required")]
    [InlineData("v-1^^^PatientFlow^VN", "", "PV1-19 is required")]
    [InlineData("PV1|1|O|", "PV1|1|Q|", "PV1-2 'Q' is not in its table")]
    [InlineData("20261123091001-0500", "20261323091001-0500", "not a date and time of the calendar")]
    [InlineData("20261123091001-0500", "20260230091001-0500", "not a date and time of the calendar")]
    [InlineData("20261123091001-0500", "20261123091001", "not a DTM with seconds and an offset")]
    [InlineData("20261123091001-0500", "202611230910-0500", "not a DTM with seconds and an offset")]
    [InlineData("20261123091001-0500", "20261123091001+2500", "offset beyond")]
    [InlineData(@"EXAM\T\1", "EXAM\n1", "raw control character")]
    [InlineData(@"EXAM\T\1", @"EXAM\H\1", "escape sequence 'H' is not allowed")]
    [InlineData(@"EXAM\T\1", @"EXAM\T1", "unterminated escape sequence")]
    [InlineData(@"MSH|^~\&|", @"MSH|^~\|", "MSH-2 holds exactly four")]
    public void Parse_BrokenRule_Rejected(string find, string replacement, string rule)
    {
        Registration.Should().Contain(find, "the case must change the message");

        var parse = () => Er7Parser.Parse(Registration.Replace(find, replacement, StringComparison.Ordinal));

        parse.Should().Throw<Er7FormatException>().WithMessage($"*{rule}*");
    }

    [Fact]
    public void Parse_VisitBeforePatient_RejectedAsOutOfOrder()
    {
        var segments = Registration.TrimEnd('\r').Split('\r');
        var reordered = string.Concat(new[] { segments[0], segments[1], segments[3], segments[2] }.Select(segment => segment + "\r"));

        var parse = () => Er7Parser.Parse(reordered);

        parse.Should().Throw<Er7FormatException>().WithMessage("*MSH EVN PV1 PID' are not in ADT_A01 order*");
    }

    [Fact]
    public void Parse_LastSegmentWithoutCarriageReturn_Rejected()
    {
        var parse = () => Er7Parser.Parse(Registration.TrimEnd('\r'));

        parse.Should().Throw<Er7FormatException>().WithMessage("*ends with a carriage return*");
    }
}
