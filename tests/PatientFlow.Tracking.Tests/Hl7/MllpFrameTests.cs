using System.Text;
using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class MllpFrameTests
{
    [Fact]
    public async Task WriteAsync_Message_FramedInVtFsCr()
    {
        using var stream = new MemoryStream();

        await MllpFrame.WriteAsync(stream, "MSH|é\r", CancellationToken.None);

        stream.ToArray().Should().Equal([0x0B, .. Encoding.UTF8.GetBytes("MSH|é\r"), 0x1C, 0x0D]);
    }

    [Fact]
    public async Task ReadAsync_TwoFramesBackToBack_EachReadAloneThenEndOfStream()
    {
        using var stream = new MemoryStream();
        await MllpFrame.WriteAsync(stream, "MSH|first\r", CancellationToken.None);
        await MllpFrame.WriteAsync(stream, "MSH|second\r", CancellationToken.None);
        stream.Position = 0;

        var first = await MllpFrame.ReadAsync(stream, CancellationToken.None);
        var second = await MllpFrame.ReadAsync(stream, CancellationToken.None);
        var end = await MllpFrame.ReadAsync(stream, CancellationToken.None);

        (first, second, end).Should().Be(("MSH|first\r", "MSH|second\r", (string?)null));
    }

    [Theory]
    [InlineData(new byte[] { 0x0B, 0x4D, 0x53 }, typeof(EndOfStreamException))]
    [InlineData(new byte[] { 0x0B, 0x4D, 0x1C }, typeof(EndOfStreamException))]
    [InlineData(new byte[] { 0x4D, 0x0B, 0x1C, 0x0D }, typeof(InvalidDataException))]
    [InlineData(new byte[] { 0x0B, 0x4D, 0x1C, 0x0A }, typeof(InvalidDataException))]
    public async Task ReadAsync_BrokenFrame_Throws(byte[] bytes, Type expected)
    {
        using var stream = new MemoryStream(bytes);

        var read = () => MllpFrame.ReadAsync(stream, CancellationToken.None);

        (await read.Should().ThrowAsync<Exception>()).Which.Should().BeOfType(expected);
    }

    [Fact]
    public async Task ReadAsync_FrameOverTheLimit_Throws()
    {
        using var stream = new MemoryStream([0x0B, .. Enumerable.Repeat((byte)'A', 100), 0x1C, 0x0D]);

        var read = () => MllpFrame.ReadAsync(stream, CancellationToken.None, maxBytes: 50);

        await read.Should().ThrowAsync<InvalidDataException>();
    }
}
