using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class MllpAckTests
{
    private const string Header = @"MSH|^~\&|EHR|HOSPITAL|PATIENTFLOW|PATIENTFLOW|20261123091600+0000||ACK^A04^ACK|A1|P|2.5.1";

    [Theory]
    [InlineData("AA", true, false)]
    [InlineData("CA", true, false)]
    [InlineData("AE", false, false)]
    [InlineData("CE", false, false)]
    [InlineData("AR", false, true)]
    [InlineData("CR", false, true)]
    public void Parse_EachCode_AcceptedOrRejectedAsTable0008Says(string code, bool accepted, bool rejected)
    {
        var ack = MllpAck.Parse($"{Header}\rMSA|{code}|CTRL1\r");

        (ack.Code, ack.ControlId, ack.Accepted, ack.Rejected).Should().Be((code, "CTRL1", accepted, rejected));
    }

    [Fact]
    public void Parse_TextOnlyInErr_TakesTheUserMessageUnescaped()
    {
        var ack = MllpAck.Parse($"{Header}\rMSA|AE|CTRL1\rERR||PID^1^3|101^Required field missing^HL70357|E|||diagnostic|PID-3 \\F\\ empty\r");

        ack.Text.Should().Be("PID-3 | empty");
    }

    [Fact]
    public void Parse_OnlyAnErrorCode_TakesItsText()
    {
        var ack = MllpAck.Parse($"{Header}\rMSA|AE|CTRL1\rERR|||207^Application internal error^HL70357|E\r");

        ack.Text.Should().Be("Application internal error");
    }

    [Fact]
    public void Parse_LineFeedsAndOtherDelimiters_ReadWithTheAcksOwnDelimiters()
    {
        var ack = MllpAck.Parse("MSH#$%@*#EHR#HOSPITAL#####ACK#A1#P#2.5.1\r\nMSA#AR#CTRL1#too @F@ fast\r\n");

        ack.Should().Be(new MllpAck("AR", "CTRL1", "too # fast"));
    }

    [Theory]
    [InlineData("MSA|AA|CTRL1\r")]
    [InlineData(Header + "\rERR|||207\r")]
    [InlineData(Header + "\rMSA|OK|CTRL1\r")]
    public void Parse_NotAnAcknowledgement_Throws(string reply)
    {
        var parse = () => MllpAck.Parse(reply);

        parse.Should().Throw<InvalidDataException>();
    }
}
