using System.Net;
using PatientFlow.Testing;

namespace PatientFlow.Intake.Tests.Api;

/// <summary>What a fuzzer sends gets a 4xx problem, never a 500.</summary>
public class BadInputTests(IntakeFactory factory) : IClassFixture<IntakeFactory>
{
    [Fact]
    public async Task EveryRouteWithAnId_AllZeroId_Answers404OrAsAnUnknownId()
    {
        var answers = await factory.ProbeAllZeroIdsAsync();

        answers.Should().NotBeEmpty("every intake route with an id in its path is asked");
        answers.Where(a => a.AllZero != HttpStatusCode.NotFound && a.AllZero != a.Unknown).Select(a => a.ToString()).Should().BeEmpty();
    }
}
