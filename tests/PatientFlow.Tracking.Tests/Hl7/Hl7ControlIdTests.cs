using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class Hl7ControlIdTests
{
    [Fact]
    public void For_AnyEventId_TwentyCrockfordCharactersThatDecodeToTheIdsPrefix()
    {
        var eventId = Guid.Parse("0196f3c2-7a1b-7c3d-9e4f-0123456789ab");

        var controlId = Hl7ControlId.For(eventId);

        controlId.Should().HaveLength(20).And.MatchRegex("^[0-9A-HJKMNP-TV-Z]{20}$");
        Hl7ControlId.EventIdPrefix(controlId).Should().Be("0196f3c27a1b7c3d9e4f01234");
    }

    [Fact]
    public void For_KnownBits_KnownCharacters()
    {
        // 25 hex digits of ones are 100 one bits: twenty 'Z'; the digits after the 25th do not count.
        Hl7ControlId.For(Guid.Parse("ffffffff-ffff-ffff-ffff-fffff0000000")).Should().Be(new string('Z', 20));
        Hl7ControlId.For(Guid.Parse("00000000-0000-0000-0000-00000fffffff")).Should().Be(new string('0', 20));
        Hl7ControlId.For(Guid.Parse("08000000-0000-0000-0000-000000000000")).Should().Be("1" + new string('0', 19));
    }

    [Fact]
    public void For_ManyIdsMintedInTheSameMilliseconds_AllDistinct()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => Guid.CreateVersion7()).ToArray();

        ids.Select(Hl7ControlId.For).Distinct().Should().HaveCount(ids.Length);
    }

    [Fact]
    public void EventIdPrefix_NotAControlId_Throws()
    {
        var decode = () => Hl7ControlId.EventIdPrefix("0123456789ABCDEFGHIU");

        decode.Should().Throw<FormatException>();
    }
}
