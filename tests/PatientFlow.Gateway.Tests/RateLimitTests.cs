using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// A flood with bad tokens from one address: the per-address limit answers 429 before authentication, so only the
    /// requests it let through had their token read (each of those answered 401).
    /// </summary>
    [Fact]
    public async Task CallApi_FloodWithBadTokens_Answers429WithoutReadingTheirTokens()
    {
        var tokensRead = 0;
        await using var scheduling = await StandInBackend.StartAsync("scheduling");
        await using var factory = new GatewayFactory(
            new Dictionary<string, Uri> { ["scheduling"] = scheduling.Address },
            settings: new Dictionary<string, string>
            {
                ["Gateway:RateLimit:PerAddress:PermitsPerSecond"] = "1",
                ["Gateway:RateLimit:PerAddress:Burst"] = "3",
            },
            services: services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = _ =>
                    {
                        Interlocked.Increment(ref tokensRead);
                        return Task.CompletedTask;
                    },
                }));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.GetAsync($"/api/scheduling/slots?i={i}")).StatusCode);
        }

        statuses.Should().OnlyContain(status => status == HttpStatusCode.Unauthorized || status == HttpStatusCode.TooManyRequests);
        statuses.Count(status => status == HttpStatusCode.TooManyRequests).Should().BeGreaterThanOrEqualTo(6);
        tokensRead.Should().Be(statuses.Count(status => status == HttpStatusCode.Unauthorized));
        scheduling.Seen.Should().BeEmpty();
    }
}
