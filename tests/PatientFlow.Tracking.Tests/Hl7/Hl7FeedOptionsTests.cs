using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class Hl7FeedOptionsTests
{
    [Fact]
    public void Problems_NothingConfigured_NoneAndTheSenderIsOff()
    {
        var options = new Hl7FeedOptions();

        (options.Enabled, options.Problems().Count).Should().Be((false, 0));
    }

    [Fact]
    public void Problems_HostWithoutPortAndRetriesBackwards_EachNamesItsKey()
    {
        var options = new Hl7FeedOptions { Host = "engine.hospital.local", RetryFirstAfter = TimeSpan.FromMinutes(10), ProcessingId = "X" };

        options.Problems().Should().HaveCount(3)
            .And.Contain(problem => problem.Contains("Tracking:Hl7:Port"))
            .And.Contain(problem => problem.Contains("RetryFirstAfter"))
            .And.Contain(problem => problem.Contains("MSH-11"));
    }
}
