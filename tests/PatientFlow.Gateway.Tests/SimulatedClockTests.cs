using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.ServiceDefaults.Time;

namespace PatientFlow.Gateway.Tests;

public class SimulatedClockTests
{
    private static readonly DateTimeOffset Origin = DateTimeOffset.Parse("2026-11-23T13:30:00Z");
    private static readonly DateTimeOffset Anchor = DateTimeOffset.Parse("2026-11-23T15:00:00Z");
    private static readonly SimulatedClockSettings Thirty = new(Origin, Anchor, 30);

    [Fact]
    public void ToSimulated_AtTheAnchor_ReadsTheOrigin() => Thirty.ToSimulated(Anchor).Should().Be(Origin);

    [Fact]
    public void ToSimulated_TenRealSecondsAfterTheAnchorAtSpeedThirty_FiveMinutesAfterTheOrigin() =>
        Thirty.ToSimulated(Anchor.AddSeconds(10)).Should().Be(Origin.AddMinutes(5));

    [Fact]
    public void ToSimulated_BeforeTheAnchor_ReadsBeforeTheOrigin() =>
        Thirty.ToSimulated(Anchor.AddSeconds(-60)).Should().Be(Origin.AddMinutes(-30));

    [Fact]
    public void ToReal_OfASimulatedInstant_IsWhenTheClockReadsIt()
    {
        var nineThirty = Origin.AddHours(2);

        Thirty.ToReal(nineThirty).Should().Be(Anchor.AddMinutes(4));
        Thirty.ToSimulated(Thirty.ToReal(nineThirty)).Should().Be(nineThirty);
    }

    [Fact]
    public void GetUtcNow_TwoProcessesStartedSecondsApart_ReadTheSameTime()
    {
        var real = new SettableTime(Anchor.AddSeconds(3));
        var startedFirst = new SimulatedClock(Thirty, real);
        real.Now = Anchor.AddSeconds(17);
        var startedLater = new SimulatedClock(Thirty, real);

        startedFirst.GetUtcNow().Should().Be(startedLater.GetUtcNow()).And.Be(Origin.AddMinutes(8.5));
    }

    [Fact]
    public void RealDelayUntil_ALaterSimulatedInstant_IsItsDistanceOverTheSpeed()
    {
        var real = new SettableTime(Anchor);
        var clock = new SimulatedClock(Thirty, real);

        clock.RealDelayUntil(Origin.AddMinutes(15)).Should().Be(TimeSpan.FromSeconds(30));
        clock.RealDelayUntil(Origin.AddMinutes(-1)).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void AddPatientFlowClock_SectionAbsent_SystemClock()
    {
        var services = new ServiceCollection().AddPatientFlowClock(Configuration([]));

        services.BuildServiceProvider().GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddPatientFlowClock_SectionSet_SimulatedClockWithThoseValues()
    {
        var services = new ServiceCollection().AddPatientFlowClock(Configuration(new()
        {
            ["PatientFlow:Clock:Origin"] = "2026-11-23T13:30:00Z",
            ["PatientFlow:Clock:Anchor"] = "2026-11-23T15:00:00.0000000+00:00",
            ["PatientFlow:Clock:Speed"] = "30",
        }));

        var clock = services.BuildServiceProvider().GetRequiredService<TimeProvider>();

        clock.Should().BeOfType<SimulatedClock>().Which.Settings.Should().Be(Thirty);
    }

    [Fact]
    public void ToEnvironment_ReadBackAsConfiguration_SameSettings()
    {
        var variables = Thirty.ToEnvironment().ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);

        SimulatedClockSettings.From(Configuration(variables)).Should().Be(Thirty);
    }

    [Theory]
    [InlineData("0.5", "2026-11-23T15:00:00Z", "Speed")]
    [InlineData("abc", "2026-11-23T15:00:00Z", "Speed")]
    [InlineData("30", "", "Anchor")]
    [InlineData("30", "yesterday", "Anchor")]
    public void From_IncompleteOrInvalidSection_RefusesToStartNamingTheValue(string speed, string anchor, string named)
    {
        var configuration = Configuration(new() { ["PatientFlow:Clock:Origin"] = "2026-11-23T13:30:00Z", ["PatientFlow:Clock:Anchor"] = anchor, ["PatientFlow:Clock:Speed"] = speed });

        var reading = () => SimulatedClockSettings.From(configuration);

        reading.Should().Throw<InvalidOperationException>().WithMessage($"*PatientFlow:Clock:{named}*");
    }

    [Fact]
    public void GetUtcNow_HeldClock_ReadsTheOriginUntilAnotherProcessStartsIt()
    {
        using var file = new StartFile();
        var real = new SettableTime(Anchor);
        var held = new HeldClockSettings(Origin, 30, file.Path);
        var preparing = new SimulatedClock(held, real);
        var service = new SimulatedClock(held, real);
        real.Now = Anchor.AddMinutes(5);
        service.GetUtcNow().Should().Be(Origin, "a held clock does not move however long the platform takes to start");
        service.RealDelayUntil(Origin).Should().Be(TimeSpan.Zero);
        service.RealDelayUntil(Origin.AddMinutes(1)).Should().BePositive("a wait for a later time looks again shortly");

        preparing.Start().Should().Be(new SimulatedClockSettings(Origin, Anchor.AddMinutes(5), 30));
        real.Now = Anchor.AddMinutes(5).AddSeconds(10);

        SpinWait.SpinUntil(() => service.Settings is not null, TimeSpan.FromSeconds(2)).Should().BeTrue("the service reads the start file");
        service.GetUtcNow().Should().Be(preparing.GetUtcNow()).And.Be(Origin.AddMinutes(5));
    }

    [Fact]
    public void AddPatientFlowClock_StartFileInPlaceOfAnchor_HeldClock()
    {
        using var file = new StartFile();
        var held = new HeldClockSettings(Origin, 30, file.Path);
        var variables = held.ToEnvironment().ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);

        var clock = new ServiceCollection().AddPatientFlowClock(Configuration(variables)).BuildServiceProvider().GetRequiredService<TimeProvider>();

        clock.Should().BeOfType<SimulatedClock>().Which.Settings.Should().BeNull("nothing has started it");
        clock.GetUtcNow().Should().Be(Origin);
        HeldClockSettings.From(Configuration(variables)).Should().Be(held);
    }

    [Theory]
    [InlineData("2026-11-23T15:00:00Z", "/tmp/clock-start", "Anchor or a StartFile")]
    [InlineData("", "clock-start", "StartFile must be a full path")]
    public void From_HeldClockWithAnAnchorOrARelativeFile_RefusesToStart(string anchor, string startFile, string problem)
    {
        var configuration = Configuration(new()
        {
            ["PatientFlow:Clock:Origin"] = "2026-11-23T13:30:00Z",
            ["PatientFlow:Clock:Anchor"] = anchor,
            ["PatientFlow:Clock:StartFile"] = startFile,
            ["PatientFlow:Clock:Speed"] = "30",
        });

        var reading = () => SimulatedClock.From(configuration);

        reading.Should().Throw<InvalidOperationException>().WithMessage($"*{problem}*");
    }

    /// <summary>The simulated day may be hours behind or days ahead of real time; tokens must work either way.</summary>
    [Theory]
    [InlineData(-36)]
    [InlineData(72)]
    public async Task IssueDevToken_UnderASimulatedClockHoursAwayFromRealTime_TokenOpensTheRoutes(int hoursAway)
    {
        await using var scheduling = await StandInBackend.StartAsync("scheduling");
        var now = DateTimeOffset.UtcNow;
        await using var factory = new GatewayFactory(
            new Dictionary<string, Uri> { ["scheduling"] = scheduling.Address },
            settings: new Dictionary<string, string>
            {
                ["PatientFlow:Clock:Origin"] = now.AddHours(hoursAway).ToString("O"),
                ["PatientFlow:Clock:Anchor"] = now.ToString("O"),
                ["PatientFlow:Clock:Speed"] = "30",
            });
        using var client = factory.CreateClient();
        factory.Services.GetRequiredService<TimeProvider>().Should().BeOfType<SimulatedClock>();

        var token = await (await client.PostAsJsonAsync("/dev/token", new { role = Roles.FrontDesk })).Content.ReadFromJsonAsync<TokenAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);

        (await client.GetAsync("/api/scheduling/appointments")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed record TokenAnswer(string AccessToken);

    private sealed class StartFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clock-start-{Guid.NewGuid():N}");

        public void Dispose() => File.Delete(Path);
    }

    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
