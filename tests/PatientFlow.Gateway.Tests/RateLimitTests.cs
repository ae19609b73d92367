namespace PatientFlow.Gateway.Tests;

public class RateLimitTests
{
    private static readonly Dictionary<string, string> TinyLimit = new()
    {
        ["Gateway:RateLimit:PermitsPerSecond"] = "1",
        ["Gateway:RateLimit:Burst"] = "2",
    };

    [Fact]
    public async Task CallApi_BeyondBurst_Answers429ProblemWithRetryAfterAndServiceNotCalled()
    {
        await using var scheduling = await StandInBackend.StartAsync("scheduling");
        await using var factory = new GatewayFactory(
            new Dictionary<string, Uri> { ["scheduling"] = scheduling.Address }, settings: TinyLimit);
        using var client = factory.CreateClient(Roles.FrontDesk, subject: "busy-user");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.GetAsync($"/api/scheduling/slots?i={i}"));
        }

        responses.Take(2).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        rejected.Should().NotBeEmpty();
        await rejected[0].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        rejected[0].Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        scheduling.Seen.Should().HaveCount(responses.Count - rejected.Count);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    public async Task CallApi_BeyondBurstAskingForAnotherFormat_Answers429AsProblemJson(string accept)
    {
        await using var scheduling = await StandInBackend.StartAsync("scheduling");
        await using var factory = new GatewayFactory(
            new Dictionary<string, Uri> { ["scheduling"] = scheduling.Address }, settings: TinyLimit);
        using var client = factory.CreateClient(Roles.FrontDesk, subject: "busy-user");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.GetAsync("/api/scheduling/slots"));
        }

        responses.Select(r => r.StatusCode).Should().NotContain(HttpStatusCode.InternalServerError);
        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        rejected.Should().NotBeEmpty();
        await rejected[0].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task CallApi_AnotherCallerOverLimit_OwnRequestsStillPass()
    {
        await using var scheduling = await StandInBackend.StartAsync("scheduling");
        await using var factory = new GatewayFactory(
            new Dictionary<string, Uri> { ["scheduling"] = scheduling.Address }, settings: TinyLimit);
        using var busy = factory.CreateClient(Roles.FrontDesk, subject: "busy-user");
        using var calm = factory.CreateClient(Roles.FrontDesk, subject: "calm-user");

        var busyStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            busyStatuses.Add((await busy.GetAsync("/api/scheduling/slots")).StatusCode);
        }

        busyStatuses.Should().Contain(HttpStatusCode.TooManyRequests);
        (await calm.GetAsync("/api/scheduling/slots")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProbeHealth_ManyTimesUnderTinyLimit_NeverLimited()
    {
        await using var factory = new GatewayFactory(new Dictionary<string, Uri>(), settings: TinyLimit);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync("/health/live")).StatusCode);
        }

        statuses.Should().OnlyContain(status => status == HttpStatusCode.OK);
    }
}
